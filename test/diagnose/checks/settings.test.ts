import { describe, expect, it } from 'vitest';
import { evaluateSettings } from '../../../src/diagnose/checks/settings.js';
import type { ResolvedMachine } from '../../../src/diagnose/types.js';
import { settings } from '../_fixtures.js';

const GB = 1024 ** 3;
const db = { blksRead: 0, blksHit: 0, tempFiles: 0, tempBytes: 0, deadlocks: 0, statsAgeS: null, uptimeS: 1000 };
const known = (memoryBytes: number, cpus = 8): ResolvedMachine => ({ memoryBytes, cpus, source: 'given' });
const unknown: ResolvedMachine = { memoryBytes: undefined, cpus: undefined, source: 'unknown' };
const tuned = { shared_buffers: String((4 * GB) / 8192), effective_cache_size: String((12 * GB) / 8192), random_page_cost: '1.1' };
const names = (fs: ReturnType<typeof evaluateSettings>) => fs.map((f) => (f.location.kind === 'object' ? f.location.name : ''));

describe('settings', () => {
  it('is advice only, never a warning', () => {
    const all = evaluateSettings({ settings: settings({ autovacuum: 'off', track_io_timing: 'off', max_connections: '2000' }), machine: known(16 * GB, 4), database: { ...db, tempFiles: 500, tempBytes: 50 * GB }, databaseName: 'shop' });
    expect(all.length).toBeGreaterThan(5);
    expect(all.every((f) => f.severity === 'info')).toBe(true);
  });

  it.each([
    ['a tuned 16 GB machine', settings(tuned), known(16 * GB), []],
    ['defaults on a 16 GB machine', settings({}), known(16 * GB), ['shared_buffers', 'effective_cache_size', 'random_page_cost']],
    ['defaults, machine size unknown', settings({}), unknown, ['shared_buffers', 'random_page_cost']],
    ['5000 connections on 8 cores', settings({ ...tuned, max_connections: '5000' }), known(16 * GB), ['work_mem', 'max_connections']],
  ] as const)('%s', (_n, s, machine, expected) => {
    expect(names(evaluateSettings({ settings: s, machine, database: db, databaseName: 'shop' }))).toEqual(expected);
  });

  it('gives the value to set', () => {
    const [sb] = evaluateSettings({ settings: settings({}), machine: known(16 * GB), database: db, databaseName: 'shop' });
    expect(sb?.fix).toMatchObject({ code: 'shared_buffers = 4GB', language: 'conf' });
  });

  it('suggests more work_mem when sorts spill to temporary files', () => {
    const f = evaluateSettings({ settings: settings(tuned), machine: known(16 * GB), database: { ...db, tempFiles: 120, tempBytes: 8 * GB }, databaseName: 'shop' });
    expect(f.find((x) => x.location.kind === 'object' && x.location.name === 'work_mem')?.fix?.code).toBe('work_mem = 16MB');
  });
});
