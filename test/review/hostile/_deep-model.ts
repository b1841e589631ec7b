/**
 * Child process of deep.test.ts: builds the reviewed model of a spec nested far deeper than the
 * parser allows (the value comes straight from JSON.parse, past the depth check) and runs every
 * OpenAPI rule over it, in a heap too small for memory that grows with the square of the depth.
 * Prints one JSON line: { schemas, inputs, refs, findings, heapMiB }.
 */
import { readFileSync } from 'node:fs';
import { OpenApiInput } from '../../../src/review/openapi/model.js';
import type { SourceDoc } from '../../../src/review/openapi/source.js';
import { Workspace } from '../../../src/review/openapi/workspace.js';
import { rules } from '../../../src/review/rules/openapi/index.js';

const file = process.argv[2]!;
const text = readFileSync(file, 'utf8');
const doc: SourceDoc = { file, display: 'deep.json', format: 'json', text, value: JSON.parse(text) as unknown, position: () => ({ line: 1, column: 1 }) };
const ws = new Workspace({ roots: ['/'], cwd: '/', maxBytes: 64 * 1024 * 1024 });
ws.add(doc);
const input = new OpenApiInput(ws, doc);
let findings = 0;
for (const rule of rules) findings += rule.check(input).length;
const out = { schemas: input.schemas().length, inputs: input.inputSchemas().length, refs: input.refs().length, findings, heapMiB: Math.round(process.memoryUsage().heapUsed / 2 ** 20) };
process.stdout.write(`${JSON.stringify(out)}\n`);
