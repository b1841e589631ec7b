/**
 * Done when: for each example brief, `archie design` then `archie verify` passes. Every example is
 * designed and written as `archie design --out` writes it, then verified with every check (the
 * real-server check is skipped without --database-url). chat runs at full size (100,000 rows in
 * its main table); the others at 20,000 to keep the suite fast (bench/verify.ts times full size).
 */
import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres, verify, type EmbeddedPostgres } from '../../src/verify/index.js';
import { designFolder } from './_folder.js';

const examples = readdirSync('examples').filter((f) => /\.(ya?ml|txt)$/.test(f)).sort();
let pg: EmbeddedPostgres;

beforeAll(async () => {
  pg = await startEmbeddedPostgres();
});

afterAll(async () => {
  await pg?.db.close();
});

describe('a fresh design of every example passes archie verify', () => {
  it('there are examples', () => {
    expect(examples.length).toBeGreaterThanOrEqual(6);
  });

  it.each(examples)('%s', async (example) => {
    const dir = await designFolder(example);
    const full = example === 'chat.yaml';
    const report = await verify(dir, { embedded: pg, ...(full ? {} : { rows: 20_000 }) });
    const notPassed = report.checks.filter((c) => c.status !== 'passed').map((c) => `${c.id} ${c.status}: ${c.summary} ${c.evidence.filter((e) => !e.ok).map((e) => e.message).join(' | ')}`);
    expect(notPassed).toEqual([expect.stringMatching(/^schema-postgres skipped/)]);
    expect(report.ok).toBe(true);
    // The access patterns were explained on generated data, each with its plan.
    const plans = report.checks.find((c) => c.id === 'index-usage')!.evidence.filter((e) => e.plan);
    expect(plans.length).toBeGreaterThan(0);
    for (const e of plans) expect(e.plan!.indexes.length, e.subject).toBeGreaterThan(0);
    if (full) {
      const generated = report.checks.find((c) => c.id === 'index-usage')!.evidence[0]!.message;
      expect(generated).toContain('messages 100,000');
    }
  });
});
