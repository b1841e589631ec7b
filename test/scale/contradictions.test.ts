import { describe, expect, it } from 'vitest';
import { scale } from '../../src/scale/index.js';

const EXAMPLES = ['chat.yaml', 'ecommerce.yaml', 'iot-telemetry.txt', 'payments.yaml', 'saas-migration.txt', 'url-shortener.txt'];
const FACTORS = [3, 10, 100];

/** Steps that take the same load away by means that exclude each other. */
function conflicts(steps: { id: string; action: string }[]): string[] {
  const ids = new Set(steps.map((s) => s.id));
  const toWideColumn = steps.some((s) => s.id === 'decision-primary-database' && /Cassandra|Scylla/.test(s.action));
  const out: string[] = [];
  if (toWideColumn && ids.has('db-shard')) out.push('shards PostgreSQL and moves it to a wide-column store');
  if (toWideColumn && ids.has('db-shard-storage')) out.push('splits PostgreSQL data and moves it to a wide-column store');
  return out;
}

describe('archie scale: no plan contradicts itself', () => {
  for (const ex of EXAMPLES) {
    it(`examples/${ex} at ${FACTORS.join('×, ')}×`, { timeout: 60_000 }, async () => {
      for (const factor of FACTORS) {
        const r = await scale({ brief: `examples/${ex}` }, { factor });
        const steps = Object.values(r.plan).flat();
        expect(conflicts(steps), `${ex} at ${factor}×`).toEqual([]);
        // The key of any sharding step comes from the access patterns (table by column), never a generic owner.
        for (const s of steps.filter((x) => x.id === 'db-shard' || x.id === 'db-shard-storage')) expect(s.action).toMatch(/[a-z_]+ by [a-z_]+ \(\d+% of its reads/);
      }
    });
  }

  it('telemetry that goes to the time-series store does not move the main database at 10×', async () => {
    const r = await scale({ brief: 'examples/iot-telemetry.txt' }, { factor: 10 });
    expect(Object.values(r.plan).flat().some((s) => s.id === 'decision-primary-database')).toBe(false);
  });
});
