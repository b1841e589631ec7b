import { CAPABILITIES, type Capability, type CapabilityInput, type Reading } from '../knowledge/capabilities/index.js';
import { DecisionSchema, type Decision, type Design } from '../model/design.js';
import type { Requirements } from '../model/requirements.js';
import type { PlanContext } from './context.js';

/** Evidence weight a brief must reach for a capability to apply. */
export const MATCH_THRESHOLD = 1.5;
/** Weight of each workload operation whose name matches a capability's operation patterns. */
export const OPERATION_WEIGHT = 0.5;

export interface CapabilityMatch {
  capability: Capability;
  score: number;
  /** The words of the brief and the workload operations that matched, in the capability's order. */
  matched: string[];
}

/**
 * The text a capability's evidence is matched against: the brief and the functional requirements it
 * states (never the archetype's assumed ones, which would make the template its own evidence).
 */
function briefWords(req: Requirements): string {
  return [req.briefText, ...req.functional.filter((f) => f.provenance.kind !== 'assumed').map((f) => f.text)].join('\n').toLowerCase();
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** `crawl*` matches as a prefix; other phrases on word boundaries with an optional plural. */
function termPattern(phrase: string): RegExp {
  const prefix = phrase.endsWith('*');
  const body = escape((prefix ? phrase.slice(0, -1) : phrase).toLowerCase()).replace(/[ -]/g, '[\\s-]');
  return new RegExp(`(?<![a-z0-9])${body}${prefix ? '[a-z0-9-]*' : '(?:s|es)?(?![a-z0-9])'}`);
}

/** A term preceded by a negation ("no video calls", "without a crawler") is not evidence. */
function negated(text: string, at: number): boolean {
  return /\b(?:no|not|without|never|nor)\s+(?:\w+\s+)?$/.test(text.slice(Math.max(0, at - 16), at));
}

/**
 * The capabilities a brief needs: each term found in the brief adds its weight once, each workload
 * operation whose name matches adds OPERATION_WEIGHT; a capability applies at MATCH_THRESHOLD.
 */
export function matchCapabilities(req: Requirements): CapabilityMatch[] {
  const text = briefWords(req);
  const out: CapabilityMatch[] = [];
  for (const capability of CAPABILITIES) {
    let score = 0;
    const matched: string[] = [];
    for (const [phrase, weight] of capability.evidence.terms) {
      const re = new RegExp(termPattern(phrase).source, 'g');
      const hit = [...text.matchAll(re)].find((m) => !negated(text, m.index ?? 0));
      if (!hit) continue;
      score += weight;
      if (!matched.includes(hit[0])) matched.push(hit[0]);
    }
    for (const op of req.workload.operations) {
      if (!(capability.evidence.operations ?? []).some((re) => re.test(op.name.toLowerCase()))) continue;
      score += OPERATION_WEIGHT;
      matched.push(`operation "${op.name}"`);
    }
    if (score >= MATCH_THRESHOLD - 1e-9) out.push({ capability, score: Math.round(score * 100) / 100, matched });
  }
  return out;
}

/** The capabilities recorded in the design: what matched and the words that decided it. */
export function designCapabilities(matches: readonly CapabilityMatch[]): Design['capabilities'] {
  return matches.map((m) => ({ id: m.capability.id, name: m.capability.name, matched: m.matched }));
}

/** One capability's central decision, judged from the numbers. Throws if the knowledge does not choose exactly one option. */
export function decideCapability(capability: Capability, ctx: PlanContext): Decision {
  const d = capability.decision;
  const input: CapabilityInput = {
    ctx,
    text: briefWords(ctx.req),
    assume(field, label, value, reason, override) {
      if (!ctx.assumptions.some((a) => a.field === field)) ctx.assumptions.push({ field, label, value, reason, override });
    },
  };
  const numbers = d.numbers(input);
  // Every reading that a capacity figure holds is quoted, so the review can check the two agree.
  const quotes: Array<{ figure: string; value: number; at: 'current' }> = [];
  for (const v of Object.values(numbers as Record<string, unknown>)) {
    const r = v as Partial<Reading> | null;
    if (r && typeof r === 'object' && typeof r.figure === 'string' && typeof r.value === 'number' && !quotes.some((q) => q.figure === r.figure)) quotes.push({ figure: r.figure, value: r.value, at: 'current' });
  }
  const considered = d.options.map((o) => ({ option: o.option, ...o.when(numbers) }));
  const chosen = considered.filter((o) => o.verdict === 'chosen');
  if (chosen.length !== 1) {
    throw new Error(`capability ${capability.id}: decision ${d.id} chose ${chosen.length} options (${chosen.map((o) => o.option).join('; ') || 'none'}); exactly one must be chosen`);
  }
  // Parsed, so the fields the decision shape defaults (quotes, thresholds) are filled in and the shape is checked.
  return DecisionSchema.parse({
    id: d.id,
    title: d.title,
    question: d.question,
    considered,
    chosen: chosen[0]!.option,
    rationale: `${chosen[0]!.reason}. ${d.rationale(numbers)}`,
    wouldChange: d.wouldChange(numbers),
    drivers: [...d.drivers],
    significant: d.significant,
    quotes,
  });
}

/** The central decisions of every capability the brief needs, skipping any id an earlier decision already took. */
export function capabilityDecisions(ctx: PlanContext, matches: readonly CapabilityMatch[] = matchCapabilities(ctx.req)): Decision[] {
  const out: Decision[] = [];
  for (const m of matches) {
    if (ctx.decided.has(m.capability.decision.id)) continue;
    const d = decideCapability(m.capability, ctx);
    ctx.decided.set(d.id, d);
    out.push(d);
  }
  return out;
}
