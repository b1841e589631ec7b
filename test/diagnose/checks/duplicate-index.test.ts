import { describe, expect, it } from 'vitest';
import { evaluateDuplicateIndexes } from '../../../src/diagnose/checks/duplicate-index.js';
import { index } from '../_fixtures.js';

const a = index({ oid: 1, name: 'a_status', columns: ['status'], indkey: '3', indclass: '3126', indcollation: '100', indoption: '0' });
const names = (fs: ReturnType<typeof evaluateDuplicateIndexes>) => fs.map((f) => `${f.severity} ${f.location.kind === 'object' ? f.location.name : ''}`);

describe('duplicate-index', () => {
  it.each([
    ['different columns', [a, index({ oid: 2, name: 'b_total', columns: ['total'], indkey: '4' })], []],
    ['exact copy: the newer one goes', [a, index({ ...a, oid: 2, name: 'b_copy' })], ['warning public.b_copy']],
    ['exact copy of a unique constraint index: the plain one goes', [index({ ...a, oid: 3, name: 'a_key', isUnique: true, backsConstraint: true }), index({ ...a, oid: 2, name: 'b_plain' })], ['warning public.b_plain']],
    ['the copy queries use is kept', [index({ ...a, idxScan: 0 }), index({ ...a, oid: 2, name: 'b_used', idxScan: 50 })], ['warning public.a_status']],
    ['different predicate', [a, index({ ...a, oid: 2, name: 'b_partial', predicate: "(status = 'open'::text)" })], []],
    ['different access method', [a, index({ ...a, oid: 2, name: 'b_hash', am: 'hash' })], []],
    ['leading prefix of a wider index', [a, index({ oid: 2, name: 'b_status_total', columns: ['status', 'total'], nKeyColumns: 2, indkey: '3 4', indclass: '3126 3124', indcollation: '100 0', indoption: '0 0' })], ['info public.a_status']],
    ['prefix but in descending order', [a, index({ oid: 2, name: 'b_desc', columns: ['status', 'total'], nKeyColumns: 2, indkey: '3 4', indclass: '3126 3124', indcollation: '100 0', indoption: '3 0' })], []],
    ['unique prefix is needed', [index({ ...a, isUnique: true }), index({ oid: 2, name: 'b_wide', columns: ['status', 'total'], nKeyColumns: 2, indkey: '3 4', indclass: '3126 3124', indcollation: '100 0', indoption: '0 0' })], []],
    ['on different tables', [a, index({ ...a, oid: 2, name: 'other', tableOid: 9 })], []],
  ] as const)('%s', (_n, indexes, expected) => {
    expect(names(evaluateDuplicateIndexes([...indexes], 8192, 'shop'))).toEqual(expected);
  });
});
