import type { MigrationPlan } from './model.js';

/** Markdown that reads as plain text: the strangler-fig plan for people. */
export function renderMigrationText(p: MigrationPlan): string {
  const out: string[] = [];
  const name = new Map(p.contexts.map((c) => [c.id, c.name]));
  out.push(`# Leaving the monolith: ${p.title}`, '');
  out.push(`${p.source.operations} operations on ${p.source.paths} paths (${p.source.kind === 'openapi' ? `OpenAPI document ${p.source.path}` : 'from the brief'}) fall into ${p.contexts.length} bounded contexts.`, '');
  for (const w of p.warnings) out.push(`> ${w}`, '');

  out.push('## Bounded contexts', '');
  out.push('| Context | Operations (writes) | Owns | Uses | Used by | Coupling |');
  out.push('|---|---|---|---|---|---|');
  for (const id of p.order) {
    const c = p.contexts.find((x) => x.id === id)!;
    const refs = (rs: typeof c.references) => rs.map((r) => `${name.get(r.to) ?? r.to} (${r.count})`).join(', ') || '—';
    out.push(`| ${c.name}${c.identity ? ' (identity)' : ''} | ${c.operations} (${c.writes}) | ${c.owns.join(', ') || '—'} | ${refs(c.references)} | ${refs(c.referencedBy)} | ${c.coupling} |`);
  }
  out.push('');
  for (const id of p.order) {
    const c = p.contexts.find((x) => x.id === id)!;
    if (c.members.length > 1) out.push(`- **${c.name}** = ${c.members.map((m) => (m.reason === 'the group the others joined' ? m.unit : `${m.unit} (${m.reason})`)).join('; ')}`);
  }
  if (p.sharedKernel.length) out.push(`- Shared kernel (used everywhere, owned by none): ${p.sharedKernel.join(', ')}`);
  out.push('');

  out.push('## Extraction order', '');
  out.push(p.order.map((id, i) => `${i + 1}. ${name.get(id)}`).join('\n'), '');

  out.push('## Phases', '');
  for (const ph of p.phases) {
    out.push(`### Phase ${ph.number}: ${ph.name}`, '', ph.why, '');
    out.push('Facade after this phase (most specific first; anything unmatched goes to the monolith):', '');
    out.push('| Route | Methods | Target |', '|---|---|---|');
    for (const r of ph.facade) out.push(`| \`${r.pattern}\` | ${r.methods.join(', ')} | ${r.target} |`);
    out.push('');
    if (ph.data.length) {
      out.push('Data:', '');
      for (const d of ph.data) out.push(`- **${d.step}**: ${d.action}`);
      out.push('');
    }
    out.push('Verification:', '');
    for (const v of ph.verification) out.push(`- ${v}`);
    out.push('', 'Rollback:', '');
    for (const r of ph.rollback) out.push(`- ${r}`);
    out.push('');
  }
  out.push('## Method', '', p.method, '');
  return out.join('\n');
}
