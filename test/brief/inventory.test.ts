import { describe, expect, it } from 'vitest';
import { briefFromText, resolve } from '../../src/brief/index.js';

const model = (brief: string) => resolve(briefFromText(brief)).requirements;

describe('counts the brief makes that are not rates', () => {
  it('metric series are machines × metrics each, and are collected at an assumed, stated interval', () => {
    const r = model('Internal metrics monitoring for 1,000 server pools of 100 machines each; each machine exposes about 100 metrics. Keep raw data for 7 days.');
    const series = r.workload.inventory.find((i) => i.id === 'metric-series');
    expect(series?.count).toBe(10_000_000);
    expect(series?.formula).toContain('100k machines × 100 metrics each');
    const ingest = r.workload.operations.find((o) => o.name === 'ingest metric samples');
    expect(ingest?.averagePerSecond).toBe(1_000_000);
    expect(ingest?.provenance.kind).toBe('assumed');
    // Machines' writes are read back in aggregates: not the kind of system's reads per write.
    expect(r.scale.readWriteRatio.value).toBe(0.1);
    expect(r.workload.operations.filter((o) => o.kind === 'read').reduce((t, o) => t + o.averagePerSecond, 0)).toBeCloseTo(100_000, 0);
  });

  it('a stated interval is used instead, and each report carries every metric', () => {
    const r = model('Metrics: 1,000 server pools, 100 machines each; every machine reports its metrics every 10 seconds; each machine exposes 100 metrics');
    const report = r.workload.operations.find((o) => o.kind === 'write' && o.provenance.kind === 'stated');
    expect(report?.averagePerSecond).toBeCloseTo(10_000, 0);
    expect(report?.rowsWritten).toBe(100);
    expect(r.workload.operations.some((o) => o.name === 'ingest metric samples')).toBe(false);
  });

  it('minutes of use a day from the time people spend', () => {
    const r = model('Maps for 1 billion daily active users. Users navigate about 35 minutes per week on average.');
    const minutes = r.workload.inventory.find((i) => i.id === 'active-minutes-per-day');
    expect(minutes?.count).toBeCloseTo(5e9, -6);
  });

  it('no inventory when the brief states none', () => {
    expect(model('A real-time chat system for 2M daily users').workload.inventory).toEqual([]);
  });
});
