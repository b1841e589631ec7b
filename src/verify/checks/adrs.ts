import type { Check } from '../_check.js';
import { outcome, plural, skipped, type Evidence } from '../report.js';

const norm = (s: string): string => s.replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * Every significant decision of the design has its ADR: a record in design.json, a file
 * adr/NNNN-<slug>.md with a title and a decision section that names the chosen option, and a row
 * in adr/README.md that links to it.
 */
export const check: Check = {
  id: 'adrs',
  title: 'every significant decision has its ADR',
  async run(ctx) {
    const load = await ctx.design();
    if (!load.ok) return skipped('needs a valid design.json (see the design-json check)');
    const d = load.design;
    const significant = d.decisions.filter((x) => x.significant);
    if (significant.length === 0) return skipped('the design has no significant decisions');
    const index = await ctx.read('adr/README.md');
    const evidence: Evidence[] = [];
    if (!index.ok) evidence.push({ subject: 'adr/README.md', ok: false, file: 'adr/README.md', message: index.missing ? 'adr/README.md (the index of the decision records) is missing' : index.message });
    for (const decision of significant) {
      const adr = d.adrs.find((a) => a.decisionId === decision.id);
      if (!adr) {
        evidence.push({ subject: decision.id, ok: false, file: 'design.json', message: `decision ${decision.id} ("${decision.title}") is significant but design.json has no ADR for it` });
        continue;
      }
      const rel = `adr/${String(adr.number).padStart(4, '0')}-${adr.slug}.md`;
      const f = await ctx.read(rel);
      if (!f.ok) {
        evidence.push({ subject: decision.id, ok: false, file: rel, message: f.missing ? `${rel} (ADR for ${decision.id}) is missing` : f.message });
        continue;
      }
      const lines = f.text.split('\n');
      const problems: string[] = [];
      if (!lines.some((l) => /^# \S/.test(l))) problems.push('it has no title heading');
      const decisionLine = lines.findIndex((l) => /^##+ *(Decision Outcome|Decision)\b/i.test(l));
      if (decisionLine < 0) problems.push('it has no "Decision Outcome" (or "Decision") section');
      else if (!norm(lines.slice(decisionLine).join('\n')).includes(norm(decision.chosen))) problems.push(`its decision section does not name the chosen option "${decision.chosen}"`);
      if (index.ok && !index.text.includes(`](${rel.slice(4)})`)) problems.push('adr/README.md does not link to it');
      evidence.push(
        problems.length
          ? { subject: decision.id, ok: false, file: rel, line: decisionLine >= 0 ? decisionLine + 1 : 1, message: `${rel}: ${problems.join('; ')}` }
          : { subject: decision.id, ok: true, file: rel, message: `${decision.id}: ${rel} records "${decision.chosen}"` },
      );
    }
    return outcome(evidence, { passed: `all ${plural(significant.length, 'significant decision')} have their ADR`, failed: (n) => `${plural(n, 'ADR problem')}` }, 'write or fix the record (MADR layout: title, context, considered options, decision outcome)');
  },
};
