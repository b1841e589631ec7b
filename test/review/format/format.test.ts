import { createRequire } from 'node:module';
import AjvDraft04 from 'ajv-draft-04';
import addFormatsPlugin from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { formatJson, formatSarif, formatText } from '../../../src/review/format/index.js';
import type { ReviewResult } from '../../../src/review/runner.js';

// CommonJS packages: their default export is the module itself under NodeNext typing.
const Ajv04 = AjvDraft04 as unknown as typeof AjvDraft04.default;
const addFormats = addFormatsPlugin as unknown as typeof addFormatsPlugin.default;
const require = createRequire(import.meta.url);
/** The OASIS SARIF 2.1.0 schema (rtm.5), as shipped by the @microsoft/jest-sarif package. */
const sarifSchema = require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json') as object;

/** One shared fixture result that every formatter renders. */
const result: ReviewResult = {
  findings: [
    {
      ruleId: 'openapi/operation-id',
      severity: 'warning',
      message: 'GET /orders has no operationId',
      location: { kind: 'file', file: 'api/openapi.yaml', line: 5, column: 5, pointer: '#/paths/~1orders/get' },
      fix: { description: 'add one' },
    },
    {
      ruleId: 'openapi/diff-type-changed',
      severity: 'error',
      message: 'GET /orders: field "id" changed type from integer to string',
      location: { kind: 'file', file: 'api/my spec.yaml', line: 14, column: 19 },
      related: [{ kind: 'file', file: 'api/old.yaml', line: 14, column: 19, message: 'base version' }],
      evidence: { from: 'integer' },
    },
  ],
  errors: [{ file: 'api/broken.yaml', message: 'api/broken.yaml is not valid YAML: bad indentation', line: 3, column: 1 }],
  files: [{ path: 'api/openapi.yaml', kind: 'openapi' }],
  rules: [
    { id: 'openapi/diff-type-changed', domain: 'openapi', severity: 'error', summary: 'Breaking: type changed.', docs: 'docs/rules/openapi/diff-type-changed.md' },
    { id: 'openapi/operation-id', domain: 'openapi', severity: 'warning', summary: 'Operations have an operationId.', docs: 'docs/rules/openapi/operation-id.md', references: ['OWASP API9:2023'] },
  ],
  summary: { files: 1, errors: 1, warnings: 1, infos: 0, fileErrors: 1, suppressed: 2 },
};

describe('formatters', () => {
  it('text: grouped by file, file:line:column first, errors and summary after', () => {
    const text = formatText(result, { color: false });
    expect(text).toBe(
      [
        'api/openapi.yaml',
        '  api/openapi.yaml:5:5  warning  GET /orders has no operationId  openapi/operation-id',
        '',
        'api/my spec.yaml',
        '  api/my spec.yaml:14:19  error    GET /orders: field "id" changed type from integer to string  openapi/diff-type-changed',
        '                                   ↳ base version: api/old.yaml:14:19',
        '',
        'could not review 1 file:',
        '  api/broken.yaml:3:1  api/broken.yaml is not valid YAML: bad indentation',
        '',
        '✖ 2 problems (1 error, 1 warning, 0 infos) in 1 file, 2 suppressed; could not review 1 file',
        '',
      ].join('\n'),
    );
    expect(formatText(result, { color: true })).toContain('\u001b[');
  });

  it('json: the whole result, deterministic', () => {
    const j = JSON.parse(formatJson(result)) as Record<string, unknown>;
    expect(Object.keys(j)).toEqual(['tool', 'summary', 'files', 'errors', 'findings']);
    expect(formatJson(result)).toBe(formatJson(structuredClone(result)));
  });

  it('sarif: validates against the SARIF 2.1.0 schema and carries rules, locations and notifications', () => {
    const sarif = JSON.parse(formatSarif(result)) as { runs: { tool: { driver: { rules: { id: string; helpUri: string }[] } }; results: Record<string, unknown>[]; invocations: unknown[] }[] };
    const ajv = new Ajv04({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(sarifSchema);
    expect(validate(sarif), JSON.stringify(validate.errors, null, 2)).toBe(true);
    const run = sarif.runs[0]!;
    expect(run.tool.driver.rules.map((r) => r.id)).toEqual(['openapi/diff-type-changed', 'openapi/operation-id']);
    // No invented public URL: the help text names the docs page shipped with archie, helpUri only when published.
    expect(run.tool.driver.rules[1]!.helpUri).toBeUndefined();
    expect(JSON.stringify(run.tool.driver.rules[1])).toContain('docs/rules/openapi/operation-id.md');
    const linked = JSON.parse(formatSarif(result, { docsBaseUrl: 'https://docs.example.org/archie/' })) as typeof sarif;
    expect(validate(linked), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(linked.runs[0]!.tool.driver.rules[1]!.helpUri).toBe('https://docs.example.org/archie/docs/rules/openapi/operation-id.md');
    expect(run.results[1]).toMatchObject({
      ruleId: 'openapi/diff-type-changed',
      ruleIndex: 0,
      level: 'error',
      locations: [{ physicalLocation: { artifactLocation: { uri: 'api/my%20spec.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: 14, startColumn: 19 } } }],
      relatedLocations: [{ id: 0, message: { text: 'base version' } }],
    });
    expect(run.invocations).toEqual([expect.objectContaining({ executionSuccessful: false, toolExecutionNotifications: [expect.objectContaining({ level: 'error' })] })]);
  });
});
