/**
 * Text helpers shared by the SVG renderers: XML escaping, number formatting that never varies
 * between runs, and a width estimate for proportional sans-serif text (there is no DOM to measure
 * with, so boxes are sized from per-character advance widths, erring on the wide side).
 */

export function xml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Coordinates rounded to one decimal place so output is byte-stable. */
export function n(v: number): string {
  const r = Math.round(v * 10) / 10;
  return Object.is(r, -0) ? '0' : String(r);
}

const NARROW = new Set([...'iljI.,:;\'|!()[]{}ft/\\` ']);
const WIDE = new Set([...'mwMW@%']);

/** Estimated advance width in px of `s` at `size` px (system-ui / Helvetica-like metrics). */
export function textWidth(s: string, size: number, bold = false): number {
  let em = 0;
  for (const ch of s) {
    if (NARROW.has(ch)) em += 0.34;
    else if (WIDE.has(ch)) em += 0.92;
    else if (ch >= 'A' && ch <= 'Z') em += 0.72;
    else if (ch >= '0' && ch <= '9') em += 0.64;
    else if (ch.charCodeAt(0) > 0x2e7f) em += 1;
    else em += 0.6;
  }
  return em * size * (bold ? 1.08 : 1);
}

/** Cut `s` to at most `max` px at `size`, ending with an ellipsis when cut. */
export function clip(s: string, size: number, max: number, bold = false): string {
  if (textWidth(s, size, bold) <= max) return s;
  let out = s;
  while (out.length > 1 && textWidth(`${out}…`, size, bold) > max) out = out.slice(0, -1);
  return `${out.trimEnd()}…`;
}

export const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";
