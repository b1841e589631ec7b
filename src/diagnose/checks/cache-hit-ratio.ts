import type { Finding } from '../../model/finding.js';
import { plural, qualified, type TableFact } from '../_facts.js';
import { formatBytes, formatCount, formatDuration, formatPercent, impact, objectFinding, round, settingSize, settingValue } from '../_util.js';
import type { Check, CheckContext, Thresholds } from '../types.js';

const ID = 'cache-hit-ratio';

export interface CacheInput {
  tables: TableFact[];
  database: string;
  /** Current shared_buffers in bytes, and the machine's memory when known, for the fix. */
  sharedBuffersBytes: number | null;
  memoryBytes: number | undefined;
  /** Seconds the counters cover: since the server started or the statistics were reset, whichever is later. */
  historyS?: number | null;
}

export function evaluateCache(input: CacheInput, t: Thresholds): Finding[] {
  const out: Finding[] = [];
  const kinds = [
    { kind: 'table', label: 'table', hit: (x: TableFact) => x.heapBlksHit, read: (x: TableFact) => x.heapBlksRead },
    { kind: 'index', label: 'index', hit: (x: TableFact) => x.idxBlksHit, read: (x: TableFact) => x.idxBlksRead },
  ] as const;
  for (const k of kinds) {
    let hit = 0;
    let read = 0;
    for (const x of input.tables) {
      hit += k.hit(x);
      read += k.read(x);
    }
    const total = hit + read;
    if (total < t.cacheMinBlocks) continue;
    const ratio = hit / total;
    if (ratio >= t.cacheHitInfo) continue;
    // Right after a restart, a reset or a bulk load every first read misses: that is a cold cache, not a small one.
    const warming = input.historyS !== undefined && input.historyS !== null && input.historyS < t.cacheWarmupSeconds;
    const severity = ratio < t.cacheHitWarn && !warming ? 'warning' : 'info';
    const worst = [...input.tables]
      .filter((x) => k.read(x) > 0)
      .sort((a, b) => k.read(b) - k.read(a) || a.oid - b.oid)
      .slice(0, 3);
    const worstText = worst.map((x) => `${qualified(x.schema, x.name)} ${formatPercent(k.read(x) / Math.max(1, read), 0)} of reads`).join(', ');
    const seqHeavy = k.kind === 'table' && worst.some((x) => x.seqScan > 0 && x.seqTupRead > x.idxTupFetch);
    const target = input.memoryBytes ? Math.round(input.memoryBytes / 4) : null;
    const raise = target !== null && input.sharedBuffersBytes !== null && input.sharedBuffersBytes < target * 0.8;
    out.push(
      objectFinding(
        ID,
        severity,
        'database',
        `${input.database} ${k.label} reads`,
        input.database,
        `${formatPercent(ratio)} of ${k.label} block reads in ${input.database} were served from shared buffers (${formatCount(read)} of ${formatCount(total)} came from the OS or disk); most misses: ${worstText}${warming ? `; the counters cover only ${formatDuration(input.historyS as number)}, so the cache may still be warming up: judge it again later` : ''}`,
        {
          evidence: {
            hitBlocks: hit,
            readBlocks: read,
            hitRatio: round(ratio, 4),
            topMissing: worstText,
            sharedBuffersBytes: input.sharedBuffersBytes,
            historySeconds: input.historyS === undefined || input.historyS === null ? null : Math.round(input.historyS),
          },
          fix: {
            description: [
              seqHeavy ? 'Sequential scans of large tables go through a small ring buffer and always miss: add the indexes missing-index suggests first.' : '',
              raise
                ? `shared_buffers is ${formatBytes(input.sharedBuffersBytes as number)}; about a quarter of the machine's memory is the usual starting point (needs a restart).`
                : 'If the hot data is larger than memory, the machine needs more RAM or the queries need to touch less data.',
            ]
              .filter(Boolean)
              .join(' '),
            ...(raise && target !== null && { code: `shared_buffers = ${settingSize(target)}`, language: 'conf' as const }),
          },
          impact: impact(severity, 1 - ratio),
        },
      ),
    );
  }
  return out;
}

export const check: Check = {
  id: ID,
  severity: 'warning',
  summary: 'Share of table and index block reads served from shared buffers',
  docs: 'docs/diagnose/cache-hit-ratio.md',
  async run(ctx: CheckContext): Promise<Finding[]> {
    const [tables, settings, db] = await Promise.all([ctx.facts.tables(), ctx.facts.settings(), ctx.facts.database()]);
    ctx.examined(plural(tables.length, 'table'));
    const sharedBuffersBytes = settingValue(settings.get('shared_buffers'));
    const historyS = db.statsAgeS === null ? db.uptimeS : Math.min(db.statsAgeS, db.uptimeS);
    return evaluateCache({ tables, database: ctx.server.database, sharedBuffersBytes, memoryBytes: ctx.machine.memoryBytes, historyS }, ctx.thresholds);
  },
};
