import { describe, expect, it } from 'vitest';
import { evaluateCache } from '../../../src/diagnose/checks/cache-hit-ratio.js';
import { T, table } from '../_fixtures.js';

const GB = 1024 ** 3;
const run = (tables: ReturnType<typeof table>[], memoryBytes?: number) =>
  evaluateCache({ tables, database: 'shop', sharedBuffersBytes: 128 * 1024 ** 2, memoryBytes }, T).map((f) => `${f.severity} ${f.location.kind === 'object' ? f.location.name : ''}`);

describe('cache-hit-ratio', () => {
  it.each([
    ['too few reads to judge', [table({ heapBlksHit: 10, heapBlksRead: 900 })], []],
    ['99.9% from cache', [table({ heapBlksHit: 999_000, heapBlksRead: 1000 })], []],
    ['97% from cache: advice', [table({ heapBlksHit: 97_000, heapBlksRead: 3000 })], ['info shop table reads']],
    ['60% from cache: warning', [table({ heapBlksHit: 60_000, heapBlksRead: 40_000 })], ['warning shop table reads']],
    ['indexes judged separately', [table({ heapBlksHit: 1e6, idxBlksHit: 50_000, idxBlksRead: 50_000 })], ['warning shop index reads']],
  ] as const)('%s', (_n, tables, expected) => {
    expect(run([...tables])).toEqual(expected);
  });

  it('names the tables behind the misses and sizes shared_buffers when memory is known', () => {
    const tables = [table({ name: 'events', oid: 1, heapBlksRead: 90_000, heapBlksHit: 10_000, seqScan: 50, seqTupRead: 1e8 }), table({ name: 'users', oid: 2, heapBlksRead: 10_000, heapBlksHit: 50_000 })];
    const [f] = evaluateCache({ tables, database: 'shop', sharedBuffersBytes: 128 * 1024 ** 2, memoryBytes: 16 * GB }, T);
    expect(f?.evidence?.topMissing).toBe('public.events 90% of reads, public.users 10% of reads');
    expect(f?.fix?.code).toBe('shared_buffers = 4GB');
    expect(f?.fix?.description).toMatch(/missing-index/);
  });
});

describe('a cold cache', () => {
  it('right after a restart or a statistics reset, misses are advice, not a warning', () => {
    const cold = evaluateCache({ tables: [table({ heapBlksHit: 60_000, heapBlksRead: 40_000 })], database: 'shop', sharedBuffersBytes: 128 * 1024 ** 2, memoryBytes: undefined, historyS: 300 }, T);
    expect(cold.map((f) => f.severity)).toEqual(['info']);
    expect(cold[0]?.message).toMatch(/the counters cover only 5 min, so the cache may still be warming up/);
    const warm = evaluateCache({ tables: [table({ heapBlksHit: 60_000, heapBlksRead: 40_000 })], database: 'shop', sharedBuffersBytes: 128 * 1024 ** 2, memoryBytes: undefined, historyS: 86_400 }, T);
    expect(warm.map((f) => f.severity)).toEqual(['warning']);
  });
});
