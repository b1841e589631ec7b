import { describe, expect, it } from 'vitest';
import { availability } from '../../../src/plan/review/rules/availability.js';
import { designOf } from '../_helpers.js';
import { ruleTable } from './_fixtures.js';

ruleTable(availability, [
  {
    name: '47 API nodes at 99% counted as independent: 100.0000%',
    brief: 'examples/chat.yaml',
    seed: (d) => {
      const e = d.capacity.availability.chain.find((c) => c.id === 'api')!;
      e.correlated = 1;
      e.effective = Number((1 - (1 - e.sla) ** e.nodes).toFixed(8));
    },
    places: ['capacity.availability.chain.api', 'components.api'],
    message: /47 nodes are counted as independent.*one bad deploy takes them all/,
  },
  {
    name: 'the composite claims 100.0000% and 0 min/month of downtime',
    brief: 'examples/payments.yaml',
    seed: (d) => { const a = d.capacity.availability; a.composite = 0.99999999; a.compositeDowntimeMinutesPerMonth = 0; a.stillFelt = 0.000001; },
    places: ['capacity.availability.composite', 'capacity.availability.chain'],
    message: /100\.0000%/,
  },
  {
    name: 'composed for one region while the regions decision chose a warm standby',
    brief: 'examples/chat.yaml',
    seed: (d) => { d.capacity.availability.strategy = 'one-region'; },
    places: ['capacity.availability.strategy', 'decisions.topology.chosen'],
    message: /composed for one-region/,
  },
  {
    name: 'meetsTarget says yes below the target',
    brief: 'examples/iot-telemetry.txt',
    seed: (d) => { d.capacity.availability.meetsTarget = true; },
    places: ['capacity.availability.meetsTarget', 'capacity.availability.target'],
    message: /meetsTarget is true/,
  },
  {
    name: 'an element\'s effective availability does not follow its formula',
    brief: 'examples/saas-migration.txt',
    seed: (d) => { d.capacity.availability.chain[0]!.effective = 1; },
    places: ['capacity.availability.chain.edge', 'capacity.availability.formula'],
    message: /is not \(1 − \(1 − 0\.9999\)\^1\)/,
  },
]);

describe('availability with correlated failure', () => {
  it('never reads 100% however many nodes a fleet has, and one region is never above its weakest element', () => {
    for (const brief of ['chat app for 20M daily users, team of 6', 'payments ledger for 2M daily users, four nines, team of 30 with an SRE team', 'URL shortener with 100k requests per second']) {
      const a = designOf(brief).capacity.availability;
      expect((a.composite * 100).toFixed(4), brief).not.toBe('100.0000');
      expect(a.compositeDowntimeMinutesPerMonth, brief).toBeGreaterThan(1);
      expect(a.oneRegion).toBeLessThanOrEqual(Math.min(...a.chain.map((c) => c.effective)));
    }
  });

  it('the regions decision and the Availability section say the same one-region figure', () => {
    const d = designOf('chat app for 100k daily users, 99.95% uptime');
    const topology = d.decisions.find((x) => x.id === 'topology')!;
    expect(topology.quotes.find((q) => q.figure === 'availability.oneRegion')!.value).toBeCloseTo(d.capacity.availability.oneRegion, 7);
    expect(topology.chosen).toMatch(/warm standby/);
    expect(d.capacity.availability.meetsTarget).toBe(true);
  });
});
