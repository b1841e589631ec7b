import type { Design } from '../../../model/design.js';
import type { CoherenceRule, Contradiction } from '../_types.js';

const LEVEL: Record<string, 'low' | 'medium' | 'high'> = { low: 'low', medium: 'medium', moderate: 'medium', high: 'high' };

/** The planner's own sentences that may state a derived fact (not the brief's words). */
function statements(d: Design): Array<[string, string]> {
  return [
    ...d.decisions.flatMap((x): Array<[string, string]> => [[`decisions.${x.id}.rationale`, x.rationale], [`decisions.${x.id}.wouldChange`, x.wouldChange], ...x.considered.map((o, i): [string, string] => [`decisions.${x.id}.considered.${i}.reason`, o.reason])]),
    ...d.openQuestions.map((q, i): [string, string] => [`openQuestions.${i}.assumed`, q.assumed]),
    ...d.escalations.map((e, i): [string, string] => [`escalations.${i}.reason`, e.reason]),
  ];
}

const MATURITY = /\b(low|medium|moderate|high) operations (?:maturity|experience)\b|\boperations maturity (?:is )?(low|medium|moderate|high)\b/gi;
// A number after "~", "past", "under" … is a threshold ("growing past ~25 engineers"), not the team.
const TEAM = /(?<!~|past |under |over |above |below |than |beyond |least |most )\b(?:team of (\d+)\b|(\d+) engineers\b|(\d+)-person team\b)/gi;

/** One value for each derived fact: the team's operations maturity and size, and the headline choices. */
export const singleValue: CoherenceRule = {
  id: 'single-value',
  summary: 'each derived fact (operations maturity, team size, headline choices) has one value everywhere',
  check(d) {
    const out: Contradiction[] = [];
    const ops = d.requirements.team.opsMaturity.value;
    const team = d.requirements.team.size.value;
    for (const [place, text] of statements(d)) {
      for (const m of text.matchAll(MATURITY)) {
        const said = LEVEL[(m[1] ?? m[2])!.toLowerCase()];
        if (said !== ops) out.push({ rule: this.id, places: [place, 'requirements.team.opsMaturity'], message: `${place} says "${m[0]}"; the team's operations maturity is ${ops}`, fix: `say ${ops}` });
      }
      for (const m of text.matchAll(TEAM)) {
        const said = Number(m[1] ?? m[2] ?? m[3]);
        if (said !== team) out.push({ rule: this.id, places: [place, 'requirements.team.size'], message: `${place} says "${m[0]}"; the team is ${team} engineers`, fix: `say ${team}` });
      }
    }
    const heads: Array<[keyof Design['overview'], string]> = [['style', 'architecture-style'], ['communication', 'communication'], ['dataPattern', 'data-pattern'], ['deployment', 'deployment']];
    for (const [field, id] of heads) {
      const x = d.decisions.find((y) => y.id === id);
      if (x && d.overview[field] !== x.chosen) out.push({ rule: this.id, places: [`overview.${field}`, `decisions.${id}.chosen`], message: `the overview says "${d.overview[field]}", the ${x.title.toLowerCase()} decision "${x.chosen}"`, fix: 'one value for each headline choice' });
    }
    return out;
  },
  resolve(d, c) {
    // An open question's "assumed meanwhile" restating a derived fact is brought in line with it.
    const m = /^openQuestions\.(\d+)\.assumed$/.exec(c.places[0]);
    if (!m || c.places[1] !== 'requirements.team.opsMaturity') return null;
    const i = Number(m[1]);
    const q = d.openQuestions[i]!;
    const ops = d.requirements.team.opsMaturity;
    const fixed = q.assumed.replace(MATURITY, `${ops.value} operations maturity`);
    if (fixed === q.assumed) return null;
    const openQuestions = d.openQuestions.map((x, j) => (j === i ? { ...x, assumed: fixed } : x));
    const why = ops.provenance.kind === 'derived' ? ` (${ops.provenance.how})` : '';
    return { design: { ...d, openQuestions }, resolution: `The open question on the team assumed "${q.assumed}", while the design takes the team's operations maturity as ${ops.value}${why}; the open question now says "${fixed}".` };
  },
};
