import { reviewDesign, RULES } from '../../plan/review/index.js';
import type { Check } from '../_check.js';
import { DESIGN_FILE } from '../_design.js';
import { failed, outcome, plural, skipped, type Evidence } from '../report.js';

/**
 * The architect's review, again, on design.json as it is now (people edit it): every coherence rule
 * of the planner (two places of the design that must agree) finds nothing, and every stated
 * requirement has its traceability row. A design written before the review step fails with that
 * reason rather than passing on rules it never met.
 */
export const check: Check = {
  id: 'design-review',
  title: 'design.json agrees with itself and traces every requirement',
  async run(ctx) {
    const load = await ctx.design();
    if (!load.ok) return skipped('needs a valid design.json (see the design-json check)');
    const d = load.design;
    if (d.review.rules.length === 0 && d.traceability.length === 0) {
      return failed(
        `${DESIGN_FILE} predates the review step: it records no coherence rules and no requirements traceability, so nothing was checked`,
        [{ subject: DESIGN_FILE, ok: false, file: DESIGN_FILE, message: 'no "review" rules and no "traceability" rows' }],
        'regenerate the design with this archie (archie design <brief> --out DIR --force)',
      );
    }
    const found = reviewDesign(d);
    const evidence: Evidence[] = [];
    for (const rule of RULES) {
      const mine = found.filter((c) => c.rule === rule.id);
      if (mine.length === 0) evidence.push({ subject: rule.id, ok: true, file: DESIGN_FILE, message: `${rule.id}: ${rule.summary}` });
      for (const c of mine) evidence.push({ subject: rule.id, ok: false, file: DESIGN_FILE, message: `${c.message} (${c.places.join(' vs ')}); fix: ${c.fix}` });
    }
    const verdicts = { met: 0, 'at-risk': 0, 'not-met': 0 };
    for (const t of d.traceability) verdicts[t.verdict]++;
    evidence.push({
      subject: 'requirements', ok: true, file: DESIGN_FILE,
      message: `${plural(d.traceability.length, 'requirement')} traced: ${verdicts.met} met, ${verdicts['at-risk']} at risk, ${verdicts['not-met']} not met${d.traceability.filter((t) => t.verdict === 'not-met').map((t) => ` (${t.requirement}: ${t.reason})`).join('')}`,
    });
    return outcome(
      evidence,
      { passed: `no contradiction under ${plural(RULES.length, 'coherence rule')}; ${plural(d.traceability.length, 'requirement')} traced`, failed: (n) => `${plural(n, 'contradiction')} between places of ${DESIGN_FILE}` },
      'each message names the two places that disagree: regenerate the design, or edit one place to agree with the other',
    );
  },
};
