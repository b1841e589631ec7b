import type { Finding } from '../../model/finding.js';
import { plural, qualified, type IndexFact, type TableFact } from '../_facts.js';
import { formatBytes, formatCount, formatDuration, impact, logScale, objectFinding, reportUnreadableDefinitions } from '../_util.js';
import type { Check, CheckContext, Thresholds } from '../types.js';

const ID = 'unused-index';

export interface UnusedIndexInput {
  indexes: IndexFact[];
  tables: Map<number, TableFact>;
  blockSize: number;
  /** Seconds of statistics history (since stats_reset); null when never reset. */
  statsAgeS: number | null;
  database: string;
}

const WEEK = 7 * 86_400;

/** Indexes never scanned since statistics began, that no constraint needs. */
/** Never scanned, needed by no constraint, and big enough to matter. */
export function isUnusedCandidate(i: IndexFact, blockSize: number, t: Thresholds): boolean {
  if (i.relkind !== 'i' || !i.isValid || i.idxScan !== 0) return false;
  if (i.isUnique || i.isPrimary || i.isExclusion || i.backsConstraint || i.referencedByFk) return false;
  return i.relpages * blockSize >= t.unusedIndexMinBytes;
}

export function evaluateUnusedIndexes(input: UnusedIndexInput, t: Thresholds): Finding[] {
  const out: Finding[] = [];
  const shortHistory = input.statsAgeS !== null && input.statsAgeS < WEEK;
  for (const i of input.indexes) {
    if (!isUnusedCandidate(i, input.blockSize, t)) continue;
    const table = input.tables.get(i.tableOid);
    const size = i.relpages * input.blockSize;
    const writes = table ? table.nTupIns + table.nTupUpd + table.nTupDel : 0;
    const severity = size >= t.unusedIndexWarnBytes && !shortHistory ? 'warning' : 'info';
    const name = qualified(i.schema, i.name);
    const since = input.statsAgeS === null ? 'since statistics began' : `in the ${formatDuration(input.statsAgeS)} since statistics were reset`;
    out.push(
      objectFinding(
        ID,
        severity,
        'index',
        name,
        input.database,
        `${name} on ${qualified(i.tableSchema, i.tableName)} (${formatBytes(size)}) has not been used ${since}${writes > 0 ? `, while the ${formatCount(writes)} rows written to the table since all had to update it` : ''}`,
        {
          evidence: {
            indexScans: 0,
            sizeBytes: size,
            tableWrites: writes,
            statsAgeSeconds: input.statsAgeS === null ? null : Math.round(input.statsAgeS),
            definition: i.definition,
          },
          fix: {
            description:
              'Drop it once you are sure: usage is counted per server, so check the replicas too (an index used only by queries on a standby shows 0 here), and keep the definition to recreate it',
            code: `DROP INDEX CONCURRENTLY IF EXISTS ${name};${i.definition ? `\n-- to recreate: ${i.definition.replace(/^CREATE (UNIQUE )?INDEX /, 'CREATE $1INDEX CONCURRENTLY ')};` : `\n-- save its definition first: SELECT pg_get_indexdef('${name.replace(/'/g, "''")}'::regclass);`}`,
            language: 'sql',
          },
          impact: impact(severity, logScale(size, 1024 * 1024, 100 * 1024 ** 3)),
        },
      ),
    );
  }
  return out;
}

export const check: Check = {
  id: ID,
  severity: 'warning',
  summary: 'Indexes never scanned that no constraint needs: they slow every write and take space',
  docs: 'docs/diagnose/unused-index.md',
  async run(ctx: CheckContext): Promise<Finding[]> {
    const [indexes, tables, db] = await Promise.all([ctx.facts.indexes(), ctx.facts.tables(), ctx.facts.database()]);
    if (db.statsAgeS !== null && db.statsAgeS < WEEK) {
      ctx.note(`Statistics were reset ${formatDuration(db.statsAgeS)} ago: "unused" only covers that period.`);
    }
    ctx.examined(plural(indexes.length, 'index'));
    const unused = indexes.filter((i) => isUnusedCandidate(i, ctx.server.blockSize, ctx.thresholds));
    const candidates = await ctx.facts.withDefinitions(unused);
    reportUnreadableDefinitions(ctx, ctx.facts.unreadableDefinitions(unused));
    return evaluateUnusedIndexes(
      { indexes: candidates, tables: new Map(tables.map((t) => [t.oid, t])), blockSize: ctx.server.blockSize, statsAgeS: db.statsAgeS, database: ctx.server.database },
      ctx.thresholds,
    );
  },
};
