import { describe, expect, it } from 'vitest';
import rule, { pluralOf } from '../../../../src/review/rules/openapi/path-plural-nouns.js';
import { ruleTable } from './_harness.js';

ruleTable(rule, {
  valid: [
    { spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
paths:
  /orders/{id}:
    get:
      parameters:
        - {name: id, in: path, required: true, schema: {type: string, format: uuid}}
      responses:
        '200': {description: ok}
` },
    { name: `plurals ending in -is, -us and uncountables`, spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
paths:
  /emojis/{id}/skus/{sku}/metadata/{key}:
    get:
      parameters:
        - {name: id, in: path, required: true, schema: {type: string, format: uuid}}
        - {name: sku, in: path, required: true, schema: {type: string, format: uuid}}
        - {name: key, in: path, required: true, schema: {type: string, format: uuid}}
      responses:
        '200': {description: ok}
` },
  ],
  invalid: [
    { spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
paths:
  /order/{id}:
    get:
      parameters:
        - {name: id, in: path, required: true, schema: {type: string, format: uuid}}
      responses:
        '200': {description: ok}
`, errors: [{ line: 4, column: 3 }] },
    { name: `a singular noun ending in -us`, spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
paths:
  /campus/{id}:
    get:
      parameters:
        - {name: id, in: path, required: true, schema: {type: string, format: uuid}}
      responses:
        '200': {description: ok}
`, errors: [{ line: 4, column: 3 }] },
  ],
});

describe('pluralOf (the suggested fix)', () => {
  it.each([['history', 'histories'], ['box', 'boxes'], ['key', 'keys'], ['order-item', 'order-items'], ['batch', 'batches']])('%s → %s', (singular, plural) => {
    expect(pluralOf(singular)).toBe(plural);
  });
});
