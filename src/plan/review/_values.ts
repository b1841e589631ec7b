import { LIMITS } from '../../knowledge/limits.js';
import { compact, formatNumber } from '../../brief/units.js';
import type { Design } from '../../model/design.js';

type At = 'current' | 'sixMonths' | 'oneYear';

/**
 * The value a quote, a threshold or a cost basis names: a capacity figure by id, a per-node limit
 * (`limits.<id>`) or an availability value (`availability.oneRegion`). Undefined when the design
 * has no such place.
 */
export function valueOf(d: Design, id: string, at: At = 'current'): number | undefined {
  // A limit the design did not size a store against is still a fact of the knowledge base.
  if (id.startsWith('limits.')) return d.capacity.limits.find((l) => l.id === id.slice(7))?.value ?? Object.values(LIMITS).find((l) => l.id === id.slice(7))?.value;
  if (id.startsWith('availability.')) {
    const v = (d.capacity.availability as Record<string, unknown>)[id.slice(13)];
    return typeof v === 'number' ? v : undefined;
  }
  return d.capacity.figures.find((f) => f.id === id)?.[at];
}

/** Whether two numbers say the same thing as the document prints them. */
export function agrees(id: string, quoted: number, actual: number): boolean {
  if (id.startsWith('availability.')) return Math.abs(quoted - actual) <= 5e-7;
  return Math.abs(quoted - actual) <= Math.max(0.5, 0.005 * Math.abs(actual));
}

/** A number as the document prints it, for messages. */
export function show(id: string, v: number): string {
  if (id.startsWith('availability.')) return `${(v * 100).toFixed(4)}%`;
  return Math.abs(v) >= 100_000 ? compact(v) : formatNumber(v, Math.abs(v) < 10 ? 2 : Math.abs(v) < 100 ? 1 : 0);
}

export interface Rate {
  text: string;
  value: number;
  unit: string;
}

/** Rates a sentence states ("3,333 msg/s", "600/s", "2.3M writes/s"), with their values. */
export function ratesIn(text: string): Rate[] {
  const out: Rate[] = [];
  const re = /(\d[\d,]*(?:\.\d+)?)(?:\s?([kMB])\b)?\s*((?:[a-z-]+ )?[a-z-]*)\/s\b/g;
  for (const m of text.matchAll(re)) {
    const raw = m[1]!.replace(/,/g, '');
    const mult = m[2] === 'k' ? 1e3 : m[2] === 'M' ? 1e6 : m[2] === 'B' ? 1e9 : 1;
    out.push({ text: m[0], value: Number(raw) * mult, unit: `${m[3] ?? ''}/s`.trim() });
  }
  return out;
}
