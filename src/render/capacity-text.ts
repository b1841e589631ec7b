import { formatNumber, formatPercent } from '../brief/units.js';
import type { CapacityReport } from '../capacity.js';
import { figureValue, table } from './markdown.js';

/** The capacity plan as a Markdown table with its conventions, availability and assumptions. */
export function renderCapacityText(r: CapacityReport): string {
  const c = r.capacity;
  const hz = c.figures[0]?.horizons.map((h) => h.months) ?? [];
  const lines: string[] = [`# Capacity plan: ${r.title || r.archetype}`, ''];
  lines.push('Conventions: ' + c.conventions.filter((x) => x.id !== 'current').map((x) => `${x.label.toLowerCase()} ${formatNumber(x.value, 4)} ${x.unit}`).join('; ') + '.', '');
  lines.push(
    table(
      ['Resource', 'Current', '6 months', '1 year', ...hz.map((m) => `${m} months`), 'Formula'],
      c.figures.map((f) => [f.label, figureValue(f, f.current), figureValue(f, f.sixMonths), figureValue(f, f.oneYear), ...f.horizons.map((h) => figureValue(f, h.value)), f.formula]),
    ),
  );
  const a = c.availability;
  lines.push('', `Availability: composite ${formatPercent(a.composite, 4)} vs target ${formatPercent(a.target, 3)} (${a.meetsTarget ? 'meets it' : 'does NOT meet it'}); error budget ${formatNumber(a.errorBudgetMinutesPerMonth, 1)} min/month.`);
  if (r.assumptions.length) {
    lines.push('', 'Assumed (override with flags):');
    for (const x of r.assumptions) lines.push(`- ${x.label}: ${x.value} (${x.reason})`);
  }
  return `${lines.join('\n')}\n`;
}
