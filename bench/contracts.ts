/**
 * Rendering cost of the contract artifacts (openapi.yaml, asyncapi.yaml, schema.sql, the first
 * migration, ADRs) per example, in process, next to the `yaml` package's stringify of the same
 * OpenAPI document (the peer our YAML writer replaces), measured in the same run.
 *
 *   node --import tsx bench/contracts.ts [iterations]
 */
import { stringify } from 'yaml';
import { loadExamples } from '../scripts/update-golden.js';
import { renderAdrs } from '../src/render/adr/index.js';
import { openApiDocument, renderAsyncApi, renderOpenApi } from '../src/render/openapi/index.js';
import { renderInitMigration, renderSchemaSql } from '../src/render/sql/index.js';

const iterations = Number(process.argv[2] ?? 50);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function time(fn: () => unknown): number {
  for (let i = 0; i < 3; i++) fn(); // warm up
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const t = process.hrtime.bigint();
    fn();
    samples.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return median(samples);
}

const { examples, skipped } = await loadExamples();
console.log(`contract renderers, median of ${iterations} runs, ms`);
console.log('| example | openapi.yaml | (yaml.stringify of the same document) | asyncapi.yaml | schema.sql | 0001_init.sql | adr/ | total |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
let worst = 0;
for (const ex of examples) {
  const d = ex.design;
  const openapi = time(() => renderOpenApi(d));
  const peer = time(() => stringify(openApiDocument(d)));
  const asyncapi = time(() => renderAsyncApi(d));
  const schema = time(() => renderSchemaSql(d));
  const migration = time(() => renderInitMigration(d));
  const adr = time(() => renderAdrs(d));
  const total = openapi + asyncapi + schema + migration + adr;
  worst = Math.max(worst, total);
  console.log(`| ${ex.file} | ${openapi.toFixed(2)} | ${peer.toFixed(2)} (${(peer / openapi).toFixed(1)}× ours) | ${asyncapi.toFixed(2)} | ${schema.toFixed(2)} | ${migration.toFixed(2)} | ${adr.toFixed(2)} | ${total.toFixed(2)} |`);
}
for (const s of skipped) console.log(`skipped ${s}`);
console.log(`\nslowest example: ${worst.toFixed(2)} ms for all contract artifacts`);
