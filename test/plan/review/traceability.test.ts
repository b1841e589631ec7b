import { describe, expect, it } from 'vitest';
import { traceability } from '../../../src/plan/review/rules/traceability.js';
import { BRIEFS, planned, ruleTable } from './_fixtures.js';

ruleTable(traceability, [
  {
    name: 'a functional requirement without its row',
    brief: 'examples/chat.yaml',
    seed: (d) => { d.traceability = d.traceability.filter((t) => t.requirement !== 'FR-2'); },
    places: ['requirements.functional.FR-2', 'traceability'],
    message: /FR-2 .* has no traceability row/,
  },
  {
    name: 'a row met by a component the design does not have',
    brief: 'examples/payments.yaml',
    seed: (d) => { d.traceability[0]!.metBy.push('component:fraud-engine'); },
    places: ['traceability.FR-1.metBy', 'component:fraud-engine'],
    message: /fraud-engine/,
  },
  {
    name: 'the availability row says met while the composite misses the target',
    brief: 'examples/iot-telemetry.txt',
    seed: (d) => { const t = d.traceability.find((x) => x.text.startsWith('Availability'))!; t.verdict = 'met'; },
    places: ['traceability.NFR-4.verdict', 'capacity.availability.meetsTarget'],
    message: /says met, the composite misses/,
  },
  {
    name: 'a requirement not met with nothing that would meet it',
    brief: 'examples/iot-telemetry.txt',
    seed: (d) => { d.traceability.find((x) => x.verdict === 'not-met')!.wouldMeet = null; },
    places: ['traceability.NFR-4.verdict', 'traceability.NFR-4.wouldMeet'],
    message: /does not say what would meet it/,
  },
  {
    name: 'the stated budget without its row',
    brief: 'examples/ecommerce.yaml',
    seed: (d) => { d.traceability = d.traceability.filter((t) => t.requirement !== 'budget'); },
    places: ['requirements.budgetUsdPerMonth', 'traceability'],
    message: /budget has no traceability row/,
  },
]);

describe('traceability rows', () => {
  it.each(BRIEFS)('every requirement of %s has a row with a verdict, and unmet ones say what would meet them', async (brief) => {
    const d = await planned(brief);
    for (const f of d.requirements.functional) expect(d.traceability.some((t) => t.requirement === f.id), f.id).toBe(true);
    expect(d.traceability.filter((t) => t.kind === 'non-functional').length).toBeGreaterThanOrEqual(6);
    for (const t of d.traceability) {
      expect(['met', 'at-risk', 'not-met']).toContain(t.verdict);
      expect(t.reason.length).toBeGreaterThan(10);
      if (t.verdict !== 'met') expect(t.wouldMeet, t.requirement).toBeTruthy();
    }
  });
});
