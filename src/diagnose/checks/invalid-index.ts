import type { Finding } from '../../model/finding.js';
import { qualified, quoteIdent, type IndexFact } from '../_facts.js';
import { formatBytes, impact, logScale, objectFinding, reportUnreadableDefinitions } from '../_util.js';
import type { Check, CheckContext } from '../types.js';

const ID = 'invalid-index';

/** The index's own definition, rebuilt without blocking writes. */
export function concurrentDefinition(def: string): string {
  return def.replace(/^CREATE (UNIQUE )?INDEX /, 'CREATE $1INDEX CONCURRENTLY ');
}

/** A partition of a partitioned table that has no index attached to the parent index. */
export interface MissingPartitionIndex {
  parentIndexOid: number;
  schema: string;
  partition: string;
}

/** SQL that gives one partition the parent's index and attaches it. */
export function partitionIndexSql(parent: IndexFact, p: MissingPartitionIndex): string {
  const idxName = `${p.partition}_${parent.columns.filter((c): c is string => c !== null).join('_') || 'expr'}`.slice(0, 59) + '_idx';
  const def = concurrentDefinition(parent.definition)
    .replace(/ INDEX CONCURRENTLY \S+ ON ONLY \S+ /, ` INDEX CONCURRENTLY ${quoteIdent(idxName)} ON ${qualified(p.schema, p.partition)} `);
  return `${def};\nALTER INDEX ${qualified(parent.schema, parent.name)} ATTACH PARTITION ${qualified(p.schema, idxName)};`;
}

/** Invalid indexes, leaving out those whose concurrent build is running right now. */
export function evaluateInvalidIndexes(
  indexes: IndexFact[],
  building: Set<number>,
  blockSize: number,
  database: string,
  missing: MissingPartitionIndex[] = [],
): Finding[] {
  const out: Finding[] = [];
  for (const i of indexes) {
    if (i.isValid || building.has(i.oid)) continue;
    const name = qualified(i.schema, i.name);
    const table = qualified(i.tableSchema, i.tableName);
    const size = i.relpages * blockSize;
    if (i.relkind === 'I') {
      const parts = missing.filter((m) => m.parentIndexOid === i.oid);
      out.push(
        objectFinding(ID, 'warning', 'index', name, database, `${name} on partitioned table ${table} is invalid: some partitions have no matching index attached`, {
          evidence: { definition: i.definition, partitioned: true, partitionsWithout: parts.map((p) => qualified(p.schema, p.partition)).join(', ') },
          fix: {
            description: 'Create the index on each partition that lacks it (CONCURRENTLY works on a partition), then attach it; the parent index becomes valid once every partition has one',
            ...(parts.length > 0 && { code: parts.map((p) => partitionIndexSql(i, p)).join('\n'), language: 'sql' as const }),
          },
          impact: impact('warning', 0.3),
        }),
      );
      continue;
    }
    const dup = i.isUnique ? ' If it failed on duplicate values, remove the duplicates first or the rebuild fails the same way.' : '';
    out.push(
      objectFinding(
        ID,
        'warning',
        'index',
        name,
        database,
        `${name} on ${table} is invalid (a CREATE INDEX CONCURRENTLY or REINDEX CONCURRENTLY that failed): queries never use it${i.isReady ? ', yet every write still maintains it' : ''}${size > 0 ? ` (${formatBytes(size)})` : ''}`,
        {
          evidence: { sizeBytes: size, ready: i.isReady, unique: i.isUnique, definition: i.definition },
          fix: {
            description: `Drop it and build it again concurrently (or REINDEX INDEX CONCURRENTLY).${dup}`,
            code: i.definition ? `DROP INDEX CONCURRENTLY IF EXISTS ${name};\n${concurrentDefinition(i.definition)};` : `REINDEX INDEX CONCURRENTLY ${name};`,
            language: 'sql',
          },
          impact: impact('warning', Math.max(0.3, logScale(size, 1024 * 1024, 100 * 1024 ** 3))),
        },
      ),
    );
  }
  return out;
}

export const check: Check = {
  id: ID,
  severity: 'warning',
  summary: 'Invalid indexes left behind by a failed concurrent build',
  docs: 'docs/diagnose/invalid-index.md',
  async run(ctx: CheckContext): Promise<Finding[]> {
    const invalid = (await ctx.facts.indexes()).filter((i) => !i.isValid);
    if (invalid.length === 0) return [];
    const indexes = await ctx.facts.withDefinitions(invalid);
    reportUnreadableDefinitions(ctx, ctx.facts.unreadableDefinitions(invalid));
    const rows = await ctx.session.query('invalid-index.progress', `SELECT index_relid::int8 AS oid FROM pg_stat_progress_create_index`);
    const building = new Set(rows.map((r) => Number(r.oid)));
    const partitioned = indexes.filter((i) => i.relkind === 'I' && !i.isValid).map((i) => i.oid);
    const missing: MissingPartitionIndex[] = [];
    if (partitioned.length > 0) {
      const m = await ctx.session.query(
        'invalid-index.partitions',
        `SELECT pi.indexrelid::int8 AS parent, n.nspname AS schema, c.relname AS partition
         FROM pg_index pi
         JOIN pg_inherits ih ON ih.inhparent = pi.indrelid
         JOIN pg_class c ON c.oid = ih.inhrelid
         JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE pi.indexrelid = ANY($1::oid[])
           AND NOT EXISTS (SELECT 1 FROM pg_inherits ii JOIN pg_index ci ON ci.indexrelid = ii.inhrelid
                           WHERE ii.inhparent = pi.indexrelid AND ci.indrelid = c.oid)
         ORDER BY n.nspname, c.relname`,
        [partitioned],
      );
      for (const r of m) missing.push({ parentIndexOid: Number(r.parent), schema: String(r.schema), partition: String(r.partition) });
    }
    return evaluateInvalidIndexes(indexes, building, ctx.server.blockSize, ctx.server.database, missing);
  },
};
