import { describe, expect, it } from 'vitest';
import { capacity } from '../../src/capacity.js';
import { ArchieError } from '../../src/errors.js';
import { archie } from './_run.js';

describe('capacity (library)', () => {
  it('plans from flags alone, stating each flag as the source', async () => {
    const r = await capacity(undefined, { dau: '2M', peakFactor: '3', readWrite: '4:1', recordSize: '1KB', horizon: ['36'] });
    const peak = r.capacity.figures.find((f) => f.id === 'peak-rps')!;
    const avg = (2e6 * r.capacity.figures.find((f) => f.id === 'avg-rps')!.current) / 2e6;
    expect(peak.current).toBeCloseTo(avg * 3, 0);
    expect(peak.horizons.map((h) => h.months)).toEqual([36]);
    expect(r.assumptions.map((a) => a.field)).not.toContain('scale.peakFactor');
  });

  it('lets flags override what the brief states', async () => {
    const r = await capacity('chat app for 1M daily users', { dau: '3M' });
    expect(r.capacity.figures.find((f) => f.id === 'dau')!.current).toBe(3e6);
    expect(r.archetype).toBe('chat');
  });

  it.each([
    [{ dau: 'lots' }, /--dau/],
    [{ peakFactor: '0.5' }, /--peak-factor/],
    [{ readWrite: '-1' }, /--read-write/],
    [{ availability: '150%' }, /--availability/],
    [{ horizon: ['6'] }, /--horizon/],
  ])('rejects bad flag %j', async (flags, message) => {
    await expect(capacity(undefined, flags as never)).rejects.toThrow(message);
    await expect(capacity(undefined, flags as never)).rejects.toBeInstanceOf(ArchieError);
  });

  it('needs a brief or a flag', async () => {
    await expect(capacity(undefined, {})).rejects.toThrow(/give a brief or at least one load flag/);
  });
});

describe('archie capacity (CLI)', () => {
  it('prints the plan with formulas', () => {
    const r = archie(['capacity', '--dau', '2M', '--peak-factor', '3']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\| Peak requests\/s \|/);
    expect(r.stdout).toMatch(/average req\/s × peak factor/);
  });

  it('prints JSON with --json', () => {
    const r = archie(['capacity', 'url shortener, 100k requests/minute, 10x at peak', '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as { archetype: string; capacity: { figures: Array<{ id: string; current: number }> } };
    expect(j.archetype).toBe('url-shortener');
    expect(j.capacity.figures.find((f) => f.id === 'peak-rps')!.current).toBeCloseTo((100_000 / 60) * 10, 0);
  });

  it('exits 2 on a bad flag', () => {
    const r = archie(['capacity', '--dau', 'abc']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--dau "abc" is not valid/);
  });
});
