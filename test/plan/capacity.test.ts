import { describe, expect, it } from 'vitest';
import { accumulated } from '../../src/plan/context.js';
import { designOf, figure } from './_helpers.js';

const d = designOf('chat app for 2M daily users, 3x at peak, read:write 4:1, each message is about 1 KB, keep 2 years, growing 5% per month, 99.9% uptime, team of 6, plan over 3 years');
const s = d.requirements.scale;

describe('capacity formulas recompute from their inputs', () => {
  const avg = (s.dau.value * s.requestsPerUserPerDay.value) / 86_400;
  const g = (m: number) => 1.05 ** m;

  it('average and peak request rates, reads and writes', () => {
    expect(figure(d, 'avg-rps').current).toBeCloseTo(avg, 1);
    expect(figure(d, 'peak-rps').current).toBeCloseTo(avg * 3, 1);
    expect(figure(d, 'peak-write-rps').current).toBeCloseTo((avg * 3) / 5, 1);
    expect(figure(d, 'peak-read-rps').current).toBeCloseTo((avg * 3 * 4) / 5, 1);
    expect(figure(d, 'peak-rps').oneYear).toBeCloseTo(avg * 3 * g(12), 1);
    expect(figure(d, 'peak-rps').sixMonths).toBeCloseTo(avg * 3 * g(6), 1);
  });

  it('stated horizons appear on every figure', () => {
    for (const f of d.capacity.figures) // 36 months is stated; 24 is the stated retention, where storage reaches its steady state.
    expect(f.horizons.map((h) => h.months), f.id).toEqual([24, 36]);
    expect(figure(d, 'dau').horizons[1]!.value).toBeCloseTo(2e6 * g(36), -1);
  });

  it('storage accumulates monthly writes inside the retention window', () => {
    const perMonth = (m: number) => ((avg / 5) * g(m) * 1000 * 2_592_000) / 1e9;
    expect(figure(d, 'db-data').current).toBeCloseTo(perMonth(0), 0);
    let year = 0;
    for (let m = 0; m < 12; m++) year += perMonth(m);
    expect(figure(d, 'db-data').oneYear).toBeCloseTo(year, 0);
    expect(figure(d, 'db-storage').oneYear).toBeCloseTo(year * 1.3 * 3, -1);
  });

  it('bandwidth from request and response sizes', () => {
    const peakReads = (avg * 3 * 4) / 5;
    expect(figure(d, 'egress-peak').current).toBeCloseTo((peakReads * s.responseBytes.value * 8) / 1e6, 0);
  });

  it('app instances from the per-instance throughput at 60% utilisation', () => {
    expect(figure(d, 'app-instances').current).toBe(Math.max(2, Math.ceil((avg * 3) / (300 * 0.6))));
  });

  it("connection pool from Little's law", () => {
    const qps = figure(d, 'db-peak-qps').current;
    expect(figure(d, 'db-connections-busy').current).toBeCloseTo(qps * 0.005, 1);
    const inst = figure(d, 'app-instances').current;
    expect(figure(d, 'db-pool-per-instance').current).toBe(Math.max(5, Math.ceil((qps * 0.005 * 1.5) / inst)));
  });

  it('composite availability is the product of the chain (with correlated failures), lifted by a second region, and the error budget follows the target', () => {
    const a = d.capacity.availability;
    const product = a.chain.reduce((acc, c) => acc * (1 - (1 - c.sla) ** c.nodes) * c.correlated, 1);
    expect(a.oneRegion).toBeCloseTo(product, 7);
    expect(a.composite).toBeCloseTo(1 - (1 - product) * a.stillFelt, 7);
    expect(a.composite).toBeLessThan(1);
    expect(a.errorBudgetMinutesPerMonth).toBeCloseTo(0.001 * 43_200, 2);
    expect(a.meetsTarget).toBe(a.composite >= a.target);
  });

  it('every figure has a unit, a formula and inputs', () => {
    for (const f of d.capacity.figures) {
      expect(f.unit, f.id).not.toBe('');
      expect(f.formula.length, f.id).toBeGreaterThan(10);
      expect(f.inputs.length, f.id).toBeGreaterThan(0);
    }
  });
});

describe('accumulated', () => {
  it.each([
    [12, 24, 12],
    [12, 6, 6],
    [12, 0.5, 0.5],
    [1, 24, 1],
  ])('over %d months with %d months of retention keeps %d months', (months, retention, kept) => {
    expect(accumulated(() => 1, months, retention)).toBeCloseTo(kept, 9);
  });
});
