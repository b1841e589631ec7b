import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { review } from '../../../../src/review/index.js';
import rule from '../../../../src/review/rules/core/valid-suppression.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function run(name: string, text: string) {
  const dir = mkdtempSync(join(tmpdir(), 'archie-supp-'));
  dirs.push(dir);
  writeFileSync(join(dir, name), text);
  const result = await review(['.'], { cwd: dir, config: {} });
  return result.findings.map((f) => ({ rule: f.ruleId, line: f.location.kind === 'file' ? f.location.line : 0, column: f.location.kind === 'file' ? f.location.column : 0 }));
}

const SPEC = (comment: string) => `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
servers: [{url: 'https://api.example.com/v1'}]
security: []
paths:
  /orders:
    ${comment}
    get:
      summary: list
      responses:
        '200': {description: ok}
`;

describe(rule.meta.id, () => {
  it('valid: a suppression with a reason suppresses and is not reported', async () => {
    const got = await run('openapi.yaml', SPEC('# archie-disable-next-line openapi/operation-id -- ids come in v2'));
    expect(got.filter((f) => f.rule === 'core/valid-suppression' || f.rule === 'openapi/operation-id')).toEqual([]);
  });

  it('invalid: no reason is reported at the comment and suppresses nothing', async () => {
    const got = await run('openapi.yaml', SPEC('# archie-disable-next-line openapi/operation-id'));
    expect(got.filter((f) => f.rule === 'core/valid-suppression' || f.rule === 'openapi/operation-id')).toEqual([
      { rule: 'core/valid-suppression', line: 7, column: 5 },
      { rule: 'openapi/operation-id', line: 8, column: 5 },
    ]);
  });

  it('invalid: an unknown rule id is reported', async () => {
    const got = await run('openapi.yaml', SPEC('# archie-disable-next-line openapi/operation-idd -- typo'));
    expect(got.filter((f) => f.rule === 'core/valid-suppression')).toEqual([{ rule: 'core/valid-suppression', line: 7, column: 5 }]);
  });

  it('invalid: x-archie-disable without a reason in a JSON document', async () => {
    const spec = JSON.stringify(
      {
        openapi: '3.0.3',
        info: { title: 'Shop', version: '1.0' },
        paths: { '/orders': { get: { 'x-archie-disable': [{ rule: 'openapi/operation-id' }], responses: { 200: { description: 'ok' } } } } },
      },
      null,
      2,
    );
    const got = await run('openapi.json', spec);
    expect(got.filter((f) => f.rule === 'core/valid-suppression')).toEqual([{ rule: 'core/valid-suppression', line: 10, column: 9 }]);
    expect(got.some((f) => f.rule === 'openapi/operation-id')).toBe(true);
  });

  it('valid: x-archie-disable with a reason covers the object and its children', async () => {
    const spec = JSON.stringify({
      openapi: '3.0.3',
      info: { title: 'Shop', version: '1.0' },
      paths: { '/orders': { get: { 'x-archie-disable': [{ rule: 'openapi/operation-id', reason: 'legacy' }], responses: { 200: { description: 'ok' } } } } },
    });
    const got = await run('openapi.json', spec);
    expect(got.filter((f) => f.rule === 'core/valid-suppression' || f.rule === 'openapi/operation-id')).toEqual([]);
  });

  it('check maps problems to findings at their position', () => {
    expect(rule.check([{ file: 'a.sql', line: 3, column: 1, message: 'no reason' }])).toEqual([
      expect.objectContaining({ ruleId: 'core/valid-suppression', severity: 'warning', location: { kind: 'file', file: 'a.sql', line: 3, column: 1 } }),
    ]);
  });
});
