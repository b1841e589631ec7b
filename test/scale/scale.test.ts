import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { design } from '../../src/design.js';
import { ArchieError } from '../../src/errors.js';
import { renderArtifacts } from '../../src/render/index.js';
import { solveSaturation } from '../../src/scale/_load-model.js';
import { MAX_FACTOR, parseFactor, renderScaleText, scale, ScaleReportSchema } from '../../src/scale/index.js';
import { writeDirAtomic } from '../../src/util/fs.js';

const EXAMPLES = ['examples/chat.yaml', 'examples/ecommerce.yaml', 'examples/iot-telemetry.txt', 'examples/payments.yaml', 'examples/saas-migration.txt', 'examples/url-shortener.txt'];

async function designDir(brief: string): Promise<string> {
  const dir = join(mkdtempSync(join(tmpdir(), 'archie-scale-')), 'out');
  await writeDirAtomic(dir, renderArtifacts(await design(brief)));
  return dir;
}

async function usageError(p: Promise<unknown> | (() => unknown)): Promise<ArchieError> {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (e) {
    expect(e).toBeInstanceOf(ArchieError);
    return e as ArchieError;
  }
  throw new Error('expected an ArchieError');
}

describe('parseFactor', () => {
  it.each([
    [10, 10], ['10', 10], ['10x', 10], ['2.5×', 2.5], [1, 1], [MAX_FACTOR, MAX_FACTOR],
  ])('accepts %j', (v, n) => expect(parseFactor(v)).toBe(n));

  it.each([
    [0, /must be positive/], [-3, /must be positive/], [Number.NaN, /must be a number/], ['abc', /must be a number/], ['', /must be a number/],
    [1e9, /above the maximum of 10,000/], [Number.POSITIVE_INFINITY, /must be a number/], [0.5, /below 1/], [undefined, /must be a number/],
  ])('rejects %j with a usage error', async (v, re) => {
    const e = await usageError(() => parseFactor(v));
    expect(e.code).toBe('USAGE');
    expect(e.message).toMatch(re);
    expect(e.hint).toBeTruthy();
  });
});

describe('solveSaturation', () => {
  it('solves linear and affine loads exactly', () => {
    expect(solveSaturation((f) => 100 * f, 1000, MAX_FACTOR)).toBeCloseTo(10, 9);
    expect(solveSaturation((f) => 500 + 100 * f, 1000, MAX_FACTOR)).toBeCloseTo(5, 9);
    expect(solveSaturation((f) => 2000 + f, 1000, MAX_FACTOR)).toBe(0);
    expect(solveSaturation((f) => f, 1e9, MAX_FACTOR)).toBeNull();
  });
  it('bisects step functions', () => {
    const steps = (f: number) => Math.max(5, Math.ceil(f * 3)) * 10;
    const f = solveSaturation(steps, 300, MAX_FACTOR)!;
    expect(steps(f)).toBeGreaterThanOrEqual(300);
    expect(steps(f * 0.999)).toBeLessThan(300);
  });
});

describe('archie scale on every example', () => {
  it.each(EXAMPLES)('%s at 10× names a bottleneck with numbers and a plan', async (brief) => {
    const r = await scale({ brief }, { factor: 10 });
    expect(ScaleReportSchema.safeParse(r).success).toBe(true);
    expect(r.resources.length).toBeGreaterThanOrEqual(4);
    expect(r.firstBottleneck).not.toBeNull();
    expect(r.firstBottleneck!.resource).toBe(r.resources[0]!.id);
    expect(r.firstBottleneck!.summary).toMatch(/\d.*×.*\d/);
    // Saturation order is by the multiple at which each resource runs out.
    const sat = r.resources.map((x) => x.saturatesAt ?? Infinity);
    expect([...sat].sort((a, b) => a - b)).toEqual(sat);
    for (const x of r.resources) {
      expect(x.capacity).toBeCloseTo(x.nodes * x.limit.value, 1);
      expect(x.limit.source.length).toBeGreaterThan(10);
      if (x.saturatesAt !== null && x.saturatesAt <= 10) expect(x.status).toBe('saturated');
    }
    const steps = [...r.plan.immediate, ...r.plan['months-1-3'], ...r.plan['months-3-6']];
    expect(steps.length).toBeGreaterThan(0);
    const ids = new Set(r.resources.map((x) => x.id));
    for (const s of steps) {
      for (const id of s.removes) expect(ids.has(id), `${s.id} removes ${id}`).toBe(true);
      expect(Number.isFinite(s.monthlyCostDeltaUsd)).toBe(true);
      expect(s.costBasis.length).toBeGreaterThan(5);
    }
    // Every saturated resource has a step that removes it.
    for (const x of r.resources.filter((y) => y.status === 'saturated')) {
      expect(steps.some((s) => s.removes.includes(x.id)), `no step removes ${x.id}`).toBe(true);
    }
    expect(renderScaleText(r)).toContain('What breaks first');
  });

  it('at 1× reproduces the design\'s own figures, and loads scale linearly', async () => {
    const d = await design('examples/chat.yaml');
    const one = await scale({ brief: 'examples/chat.yaml' }, { factor: 1 });
    const peak = d.capacity.figures.find((x) => x.id === 'peak-rps')!.current;
    expect(one.loadNow.peakRps).toBe(peak);
    expect(one.loadAtFactor).toEqual(one.loadNow);
    const ten = await scale({ brief: 'examples/chat.yaml' }, { factor: 10 });
    const api = ten.resources.find((x) => x.id === 'api-requests')!;
    expect(api.loadAtFactor).toBeCloseTo(api.loadNow * 10, 0);
    // Chat: one 8-vCPU primary at 5,000 writes/s and 1,666.7 peak writes/s today saturates at 3×.
    const w = ten.resources.find((x) => x.id === 'db-writes')!;
    expect(w.capacity).toBe(5000);
    expect(w.loadNow).toBeCloseTo(1666.7, 0);
    expect(w.saturatesAt).toBeCloseTo(3, 1);
    // One way past the primary, not two: sharding PostgreSQL, or the re-plan's move to a wide-column
    // store; either is keyed by the column the messages' reads filter on (the conversation).
    const writeFixes = ten.plan['months-1-3'].filter((s) => (s.id === 'db-shard' || s.id === 'decision-primary-database') && s.removes.includes('db-writes'));
    expect(writeFixes).toHaveLength(1);
    expect(`${writeFixes[0]!.action} ${writeFixes[0]!.rationale}`).toContain('messages by conversation_id');
  });

  it('says when nothing needs doing', async () => {
    // 1.05×: at 1.1× the SaaS design's search documents pass the dedicated-engine threshold (a real step).
    const r = await scale({ brief: 'examples/saas-migration.txt' }, { factor: 1.05 });
    expect(r.resources.every((x) => x.status === 'ok')).toBe(true);
    expect(r.plan.immediate).toEqual([]);
    expect(renderScaleText(r)).toContain('No step is needed at 1.05×');
  });

  it('reads a design folder the same as the brief, deterministically', async () => {
    const dir = await designDir('examples/url-shortener.txt');
    const a = await scale({ dir }, { factor: 10 });
    const b = await scale({ brief: 'examples/url-shortener.txt' }, { factor: 10 });
    expect(a.resources).toEqual(b.resources);
    expect(a.plan).toEqual(b.plan);
    expect(a.source).toEqual({ kind: 'design', path: join(dir, 'design.json') });
    expect(JSON.stringify(await scale({ dir }, { factor: 10 }))).toBe(JSON.stringify(a));
    // Redirects are cheap per request, so the hot set in Redis runs out first (at about 2×), then
    // database reads and connections; PgBouncer is among the immediate steps.
    expect(a.resources[0]!.id).toBe('cache-memory');
    expect(a.firstBottleneck!.summary).toMatch(/^Redis memory saturates first, at 1\.\d+× today's load/);
    expect(a.plan.immediate[0]!.id).toBe('cache-shards');
    expect(a.plan.immediate.map((x) => x.id)).toContain('pgbouncer');
  });

  it('honours measured limits against the deployed fleet', async () => {
    // The same deployed design (a folder) measured at twice the assumed throughput per instance lasts twice as long.
    const dir = await designDir('examples/chat.yaml');
    const base = await scale({ dir }, { factor: 10 });
    const measured = await scale({ dir }, { factor: 10, limits: { appRpsPerInstance: 600 } });
    const a = base.resources.find((x) => x.id === 'api-requests')!;
    const b = measured.resources.find((x) => x.id === 'api-requests')!;
    expect(b.limit.value).toBe(600);
    expect(b.limit.source).toMatch(/given by the user/);
    expect(b.saturatesAt!).toBeCloseTo(a.saturatesAt! * 2, 2);
  });
});

describe('bad design folders', () => {
  it('refuses another schemaVersion with a VERSION error', async () => {
    const dir = await designDir('examples/saas-migration.txt');
    const file = join(dir, 'design.json');
    const d = JSON.parse(readFileSync(file, 'utf8'));
    writeFileSync(file, JSON.stringify({ ...d, schemaVersion: 2 }));
    const e = await usageError(scale({ dir }, { factor: 10 }));
    expect(e.code).toBe('VERSION');
    expect(e.describe()).toMatch(/schemaVersion 2 .*reads \(1\)[\s\S]*hint: regenerate/);
  });
  it.each([
    ['missing folder', (dir: string) => join(dir, 'nope'), 'INPUT', /design folder not found/],
    ['folder without design.json', (dir: string) => { writeFileSync(join(dir, 'design.json'), ''); return dir; }, 'INPUT', /empty/],
    ['not JSON', (dir: string) => { writeFileSync(join(dir, 'design.json'), '{ nope'); return dir; }, 'INPUT', /not valid JSON/],
    ['not a design', (dir: string) => { writeFileSync(join(dir, 'design.json'), '{"a":1}'); return dir; }, 'INVALID', /no schemaVersion/],
    ['a broken design', (dir: string) => { writeFileSync(join(dir, 'design.json'), '{"schemaVersion":1,"title":3}'); return dir; }, 'INVALID', /does not match the design model/],
  ])('%s', async (_name, prepare, code, re) => {
    const dir = mkdtempSync(join(tmpdir(), 'archie-scale-bad-'));
    const e = await usageError(scale({ dir: prepare(dir) }, { factor: 10 }));
    expect(e.code).toBe(code);
    expect(e.message).toMatch(re);
  });
  it('needs a source', async () => {
    expect((await usageError(scale({}, { factor: 10 }))).message).toMatch(/nothing to scale/);
    expect((await usageError(scale({ dir: 'x', brief: 'y' }, { factor: 10 }))).message).toMatch(/not both/);
  });
});
