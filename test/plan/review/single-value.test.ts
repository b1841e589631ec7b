import { describe, expect, it } from 'vitest';
import { reviewed } from '../../../src/plan/review/index.js';
import { singleValue } from '../../../src/plan/review/rules/single-value.js';
import { HR_BRIEF, planned, ruleTable, seeded } from './_fixtures.js';

ruleTable(singleValue, [
  {
    name: 'operations maturity "low" in one section and "moderate" in another',
    brief: HR_BRIEF,
    seed: (d) => { d.openQuestions[0]!.assumed = '5 engineers with moderate operations experience'; },
    places: ['openQuestions.0.assumed', 'requirements.team.opsMaturity'],
    message: /moderate operations experience.*low/,
  },
  {
    name: 'a decision states another team size',
    brief: 'examples/payments.yaml',
    seed: (d) => { const x = d.decisions.find((y) => y.id === 'deployment')!; x.rationale = x.rationale.replace(/^\d+ engineers/, '12 engineers'); },
    places: ['decisions.deployment.rationale', 'requirements.team.size'],
    message: /"12 engineers"; the team is 20/,
  },
  {
    name: 'the overview and the architecture decision name two styles',
    brief: 'examples/chat.yaml',
    seed: (d) => { d.overview.style = 'Microservices'; },
    places: ['overview.style', 'decisions.architecture-style.chosen'],
    message: /Microservices/,
  },
]);

describe('single-value resolution', () => {
  it('brings an open question in line with the derived operations maturity and says how', async () => {
    const d = seeded(await planned(HR_BRIEF), (x) => { x.openQuestions[0]!.assumed = '5 engineers with moderate operations experience'; });
    const r = reviewed(d);
    expect(r.openQuestions[0]!.assumed).toBe('5 engineers with low operations maturity');
    expect(r.review.resolutions.some((x) => x.rule === 'single-value' && /moderate operations experience/.test(x.resolution))).toBe(true);
  });
});
