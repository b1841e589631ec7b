import { describe, expect, it } from 'vitest';
import { briefFromText, resolve } from '../../src/brief/index.js';
import { parseBriefFile } from '../../src/brief/file.js';

const ops = (r: ReturnType<typeof resolve>) => r.requirements.workload.operations.map((o) => ({ name: o.name, kind: o.kind, avg: Math.round(o.averagePerSecond * 10) / 10 }));

/** The YAML brief states the same workload model free text is read into: both give the same numbers. */
describe('actors and operations in a YAML brief', () => {
  it('gives the same operations as the free-text brief it states', () => {
    const text = resolve(briefFromText('A social feed for 150M daily users, each posting 0.5 tweets a day and reading the timeline 20 times a day'));
    const yaml = resolve(
      parseBriefFile(
        [
          'title: A social feed',
          'actors:',
          '  - { name: user, count: 150M, kind: daily }',
          'operations:',
          '  - { name: post tweet, kind: write, perActorPerDay: 0.5, actor: user }',
          '  - { name: read the timeline, kind: read, perActorPerDay: 20, actor: user }',
        ].join('\n'),
        'brief.yaml',
      ),
    );
    expect(ops(yaml)).toEqual(ops(text));
    expect(yaml.requirements.scale.dau.value).toBe(150e6);
    expect(yaml.requirements.workload.operations[0]!.provenance).toMatchObject({ kind: 'stated', quote: expect.stringMatching(/^operations\.0: post tweet, perActorPerDay/) });
  });

  it('reads intervals, per-day totals, trading hours, fan-out, rows and payloads', () => {
    const r = resolve(
      parseBriefFile(
        [
          'title: Exchange and couriers',
          'activeHoursPerDay: 6.5',
          'actors:',
          '  - { name: courier, count: 20k, kind: concurrent }',
          'operations:',
          '  - { name: place order, perDay: 1B }',
          '  - { name: location update, everySeconds: 5, actor: courier, fanout: 3, payloadSize: 100 B }',
          '  - { name: transfer, perSecond: 1M, atPeak: true, rowsWritten: 2 }',
        ].join('\n'),
        'brief.yaml',
      ),
    );
    const by = Object.fromEntries(r.requirements.workload.operations.map((o) => [o.name, o]));
    expect(by['place order']!.averagePerSecond).toBeCloseTo(1e9 / 23_400, 0);
    expect(by['location update']!.averagePerSecond).toBeCloseTo(4_000, 6);
    expect(by['location update']).toMatchObject({ fanout: 3, payloadBytes: 100 });
    expect(by.transfer!.peakPerSecond).toBeCloseTo(1e6, 0);
    expect(by.transfer!.rowsWritten).toBe(2);
    expect(r.requirements.workload.activeSecondsPerDay).toBe(23_400);
  });

  it.each([
    ['two rates at once', 'operations:\n  - { name: x, perSecond: 5, perDay: 10 }', /exactly one of perSecond/],
    ['no rate', 'operations:\n  - { name: x }', /exactly one of perSecond/],
    ['a zero rate', 'operations:\n  - { name: x, perSecond: 0 }', /a rate above zero/],
    ['an unknown field', 'operations:\n  - { name: x, perSecond: 1, perWeek: 2 }', /unknown field "operations\.0\.perWeek"/],
    ['an unknown actor kind', 'actors:\n  - { name: user, count: 5, kind: weekly }', /actors\.0\.kind/],
  ])('names the field for %s', (_what, body, message) => {
    expect(() => parseBriefFile(`title: t\n${body}\n`, 'brief.yaml')).toThrow(message);
  });
});
