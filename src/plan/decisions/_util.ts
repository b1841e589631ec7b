import { compact, formatNumber, formatPercent } from '../../brief/units.js';

/** Short number for rationales: 2,300 → "2,300", 2,300,000 → "2.3M". */
export function n(v: number): string {
  return Math.abs(v) >= 100_000 ? compact(v) : formatNumber(v, v < 10 ? 2 : v < 100 ? 1 : 0);
}

export function pct(v: number): string {
  return formatPercent(v, 3);
}

export type Verdict = 'chosen' | 'viable' | 'rejected';

/** Build the considered list from [option, isChosen|viable, reason] rows. */
export function options(rows: Array<[option: string, verdict: Verdict, reason: string]>): Array<{ option: string; verdict: Verdict; reason: string }> {
  return rows.map(([option, verdict, reason]) => ({ option, verdict, reason }));
}

type At = 'current' | 'sixMonths' | 'oneYear';

/** A number the rationale quotes and the capacity figure (or `limits.<id>`, `availability.<field>`) it names. */
export function quote(figure: string, value: number, at: At = 'current'): { figure: string; value: number; at: At } {
  return { figure, value, at };
}

/** A numeric condition of "what would change it": the choice becomes `leadsTo` once `figure` passes `above`. */
export function threshold(figure: string, above: number, leadsTo: string, at: At = 'current'): { figure: string; above: number; at: At; leadsTo: string } {
  return { figure, above, at, leadsTo };
}

/** "Message broker" → "message broker", but "NAT gateways" stays: an acronym keeps its capitals. */
export function lowerFirst(s: string): string {
  return /^[A-Z][a-z]/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s;
}
