import type { Finding } from '../../model/finding.js';
import { plural, qualified, type IndexFact } from '../_facts.js';
import { formatBytes, impact, logScale, objectFinding, reportUnreadableDefinitions } from '../_util.js';
import type { Check, CheckContext } from '../types.js';

const ID = 'duplicate-index';

function words(v: string): string[] {
  return v.trim() === '' ? [] : v.trim().split(/\s+/);
}

/** Same table, access method, columns, operator classes, collations, options, expressions and predicate. */
function sameDefinition(a: IndexFact, b: IndexFact): boolean {
  return (
    a.tableOid === b.tableOid &&
    a.am === b.am &&
    a.indkey === b.indkey &&
    a.nKeyColumns === b.nKeyColumns &&
    a.indclass === b.indclass &&
    a.indcollation === b.indcollation &&
    a.indoption === b.indoption &&
    a.expressions === b.expressions &&
    a.predicate === b.predicate
  );
}

/** `a`'s key columns are a strict leading prefix of `b`'s (btree only, same predicate, no INCLUDE in a). */
function isPrefixOf(a: IndexFact, b: IndexFact): boolean {
  if (a.tableOid !== b.tableOid || a.am !== 'btree' || b.am !== 'btree') return false;
  if (a.expressions || b.expressions || a.predicate !== b.predicate) return false;
  if (a.columns.length !== a.nKeyColumns) return false;
  const ak = words(a.indkey);
  const bk = words(b.indkey).slice(0, b.nKeyColumns);
  if (ak.length >= bk.length) return false;
  const prefix = (x: string[], y: string[]): boolean => x.every((v, i) => v === y[i]);
  return (
    prefix(ak, bk) &&
    prefix(words(a.indclass), words(b.indclass)) &&
    prefix(words(a.indcollation), words(b.indcollation)) &&
    prefix(words(a.indoption), words(b.indoption))
  );
}

/** An index the database needs (constraint, primary key, unique) is never the one to drop. */
function needed(i: IndexFact): boolean {
  return i.isPrimary || i.isUnique || i.isExclusion || i.backsConstraint || i.referencedByFk;
}

function dropSql(i: IndexFact): string {
  return `DROP INDEX CONCURRENTLY IF EXISTS ${qualified(i.schema, i.name)};`;
}

/** Indexes that take part in a duplicate or prefix pair (their definitions are worth fetching). */
export function duplicateCandidates(indexes: IndexFact[]): Set<number> {
  const usable = indexes.filter((i) => i.relkind === 'i' && i.isValid);
  const byTable = new Map<number, IndexFact[]>();
  for (const i of usable) byTable.set(i.tableOid, [...(byTable.get(i.tableOid) ?? []), i]);
  const out = new Set<number>();
  for (const group of byTable.values()) {
    for (const a of group) {
      for (const b of group) {
        if (a.oid !== b.oid && (sameDefinition(a, b) || isPrefixOf(a, b))) {
          out.add(a.oid);
          out.add(b.oid);
        }
      }
    }
  }
  return out;
}

export function evaluateDuplicateIndexes(indexes: IndexFact[], blockSize: number, database: string): Finding[] {
  const usable = indexes.filter((i) => i.relkind === 'i' && i.isValid);
  const out: Finding[] = [];
  const reported = new Set<number>();
  const byTable = new Map<number, IndexFact[]>();
  for (const i of usable) byTable.set(i.tableOid, [...(byTable.get(i.tableOid) ?? []), i]);
  for (const group of byTable.values()) {
    // Keep the one a constraint needs, else the one queries use most, else the oldest; report the others.
    const sorted = [...group].sort((a, b) => Number(needed(b)) - Number(needed(a)) || (b.idxScan ?? 0) - (a.idxScan ?? 0) || a.oid - b.oid);
    for (let x = 0; x < sorted.length; x++) {
      const keep = sorted[x] as IndexFact;
      if (reported.has(keep.oid)) continue;
      for (let y = x + 1; y < sorted.length; y++) {
        const dup = sorted[y] as IndexFact;
        if (reported.has(dup.oid) || !sameDefinition(keep, dup)) continue;
        reported.add(dup.oid);
        const size = dup.relpages * blockSize;
        const name = qualified(dup.schema, dup.name);
        const keptName = qualified(keep.schema, keep.name);
        const bothNeeded = needed(dup);
        out.push(
          objectFinding(ID, 'warning', 'index', name, database, `${name} duplicates ${keptName} (same columns, same definition): ${formatBytes(size)} maintained twice on every write`, {
            evidence: { sizeBytes: size, duplicateOf: keptName, definition: dup.definition, keptDefinition: keep.definition },
            fix: bothNeeded
              ? {
                  description: `Both back a constraint; drop the redundant constraint (ALTER TABLE ... DROP CONSTRAINT) so its index goes with it, keeping ${keptName}`,
                }
              : { description: `Drop the copy; ${keptName} serves the same queries`, code: dropSql(dup), language: 'sql' },
            impact: impact('warning', logScale(size, 1024 * 1024, 100 * 1024 ** 3)),
          }),
        );
      }
    }
    for (const a of group) {
      if (reported.has(a.oid) || needed(a)) continue;
      const wider = group
        .filter((b) => b.oid !== a.oid && !reported.has(b.oid) && isPrefixOf(a, b))
        .sort((p, q) => p.columns.length - q.columns.length || p.oid - q.oid)[0];
      if (!wider) continue;
      reported.add(a.oid);
      const size = a.relpages * blockSize;
      const name = qualified(a.schema, a.name);
      const widerName = qualified(wider.schema, wider.name);
      out.push(
        objectFinding(
          ID,
          'info',
          'index',
          name,
          database,
          `${name} on (${a.columns.join(', ')}) is a leading prefix of ${widerName} on (${wider.columns.slice(0, wider.nKeyColumns).join(', ')}), which can serve the same lookups (${formatBytes(size)})`,
          {
            evidence: { sizeBytes: size, coveredBy: widerName, definition: a.definition, widerDefinition: wider.definition, indexScans: a.idxScan },
            fix: {
              description: `Usually safe to drop: ${widerName} answers queries on its leading columns too (a little slower for very hot single-column lookups); check the plans of the queries that use it`,
              code: dropSql(a),
              language: 'sql',
            },
            impact: impact('info', logScale(size, 1024 * 1024, 100 * 1024 ** 3)),
          },
        ),
      );
    }
  }
  return out;
}

export const check: Check = {
  id: ID,
  severity: 'warning',
  summary: 'Indexes that duplicate another index exactly, or whose columns lead another index',
  docs: 'docs/diagnose/duplicate-index.md',
  async run(ctx: CheckContext): Promise<Finding[]> {
    const indexes = await ctx.facts.indexes();
    ctx.examined(plural(indexes.length, 'index'));
    const involved = duplicateCandidates(indexes);
    if (involved.size === 0) return [];
    const wanted = indexes.filter((i) => involved.has(i.oid));
    const defined = new Map((await ctx.facts.withDefinitions(wanted)).map((i) => [i.oid, i]));
    reportUnreadableDefinitions(ctx, ctx.facts.unreadableDefinitions(wanted));
    return evaluateDuplicateIndexes(
      indexes.map((i) => defined.get(i.oid) ?? i),
      ctx.server.blockSize,
      ctx.server.database,
    );
  },
};
