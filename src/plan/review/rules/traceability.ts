import type { Design } from '../../../model/design.js';
import type { CoherenceRule, Contradiction } from '../_types.js';

/** Whether a `metBy` reference names a place the design has. */
export function resolves(d: Design, ref: string): boolean {
  const i = ref.indexOf(':');
  const kind = ref.slice(0, i);
  const id = ref.slice(i + 1);
  switch (kind) {
    case 'entity': return d.entities.some((e) => e.name === id);
    case 'endpoint': return d.api.endpoints.some((e) => e.operationId === id);
    case 'channel': return d.api.realtime.some((c) => c.name === id);
    case 'decision': return d.decisions.some((x) => x.id === id);
    case 'component': return d.components.some((c) => c.id === id);
    case 'store': return d.dataStores.some((s) => s.id === id);
    case 'security': return d.security.some((s) => s.id === id);
    case 'slo': return d.slos.some((s) => s.id === id);
    case 'figure': return d.capacity.figures.some((f) => f.id === id);
    case 'roadmap': return d.roadmap.some((p) => p.name === id);
    case 'cost': return id === 'total' || id === 'oneYear' || (id.startsWith('variant:') && d.cost.variants.some((v) => v.id === id.slice(8)));
    default: return false;
  }
}

/**
 * Every requirement of the Requirements Analysis and every stated constraint has its traceability
 * row; each row points at places the design has; verdicts agree with the figures they judge.
 */
export const traceability: CoherenceRule = {
  id: 'traceability',
  summary: 'every stated requirement traces to what meets it, or is said unmet with what would meet it',
  check(d) {
    const out: Contradiction[] = [];
    const rows = new Map(d.traceability.map((t) => [t.requirement, t]));
    const push = (places: [string, string], message: string, fix: string) => out.push({ rule: this.id, places, message, fix });
    for (const f of d.requirements.functional) {
      if (!rows.has(f.id)) push([`requirements.functional.${f.id}`, 'traceability'], `${f.id} ("${f.text}") has no traceability row`, 'add the row with what meets it and a verdict');
    }
    const nfr = 6 + d.requirements.regulations.length + (d.requirements.personalData.value ? 1 : 0);
    for (let i = 1; i <= nfr; i++) if (!rows.has(`NFR-${i}`)) push([`traceability.NFR-${i}`, 'requirements'], `NFR-${i} has no traceability row`, 'add the row');
    if (d.requirements.budgetUsdPerMonth && !rows.has('budget')) push(['requirements.budgetUsdPerMonth', 'traceability'], 'the stated budget has no traceability row', 'add the row');
    if (d.requirements.timelineWeeks && !rows.has('timeline')) push(['requirements.timelineWeeks', 'traceability'], 'the stated timeline has no traceability row', 'add the row');
    for (const t of d.traceability) {
      for (const ref of t.metBy) if (!resolves(d, ref)) push([`traceability.${t.requirement}.metBy`, ref], `${t.requirement} is said to be met by ${ref}, which the design does not have`, 'point at a place of the design');
      if (t.verdict === 'met' && t.metBy.length === 0) push([`traceability.${t.requirement}.verdict`, `traceability.${t.requirement}.metBy`], `${t.requirement} is "met" by nothing`, 'name what meets it, or say it is at risk');
      if (t.verdict !== 'met' && !t.wouldMeet) push([`traceability.${t.requirement}.verdict`, `traceability.${t.requirement}.wouldMeet`], `${t.requirement} is ${t.verdict} and does not say what would meet it`, 'say what would meet it');
    }
    const availabilityRow = d.traceability.find((t) => t.kind === 'non-functional' && t.text.startsWith('Availability'));
    if (availabilityRow && (availabilityRow.verdict === 'met') !== d.capacity.availability.meetsTarget) {
      push([`traceability.${availabilityRow.requirement}.verdict`, 'capacity.availability.meetsTarget'], `the availability row says ${availabilityRow.verdict}, the composite ${d.capacity.availability.meetsTarget ? 'meets' : 'misses'} the target`, 'one verdict for the availability target');
    }
    const budgetRow = rows.get('budget');
    if (budgetRow && d.cost.withinBudget === false && budgetRow.verdict !== 'not-met') push(['traceability.budget.verdict', 'cost.withinBudget'], `the budget row says ${budgetRow.verdict}, but the design is over budget`, 'say not met, with the variant that fits');
    return out;
  },
};
