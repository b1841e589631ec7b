import type { Finding, Severity } from '../../model/finding.js';
import { plural } from '../_facts.js';
import { formatBytes, formatCount, impact, logScale, objectFinding } from '../_util.js';
import type { Check, CheckContext, Thresholds } from '../types.js';

const ID = 'replication-slots';

export interface SlotFact {
  name: string;
  type: 'physical' | 'logical';
  plugin: string | null;
  database: string | null;
  active: boolean;
  temporary: boolean;
  /** reserved, extended, unreserved or lost (PostgreSQL 13+). */
  walStatus: string | null;
  /** WAL kept on disk for this slot, bytes. */
  retainedBytes: number | null;
  /** Age of the oldest row version this slot keeps VACUUM from removing (physical slots with hot_standby_feedback). */
  xminAge: number | null;
  /** Age of the oldest catalog row version a logical slot needs (holds back VACUUM of system catalogs only). */
  catalogXminAge: number | null;
}

const quote = (s: string): string => `'${s.replace(/'/g, "''")}'`;

export function evaluateSlots(slots: SlotFact[], database: string, t: Thresholds): Finding[] {
  const out: Finding[] = [];
  for (const s of slots) {
    if (s.temporary) continue;
    const name = s.name;
    const drop = `SELECT pg_drop_replication_slot(${quote(name)});`;
    if (s.walStatus === 'lost') {
      out.push(
        objectFinding(ID, 'warning', 'replication slot', name, database, `replication slot ${name} is invalidated (wal_status lost): the WAL its ${s.type === 'logical' ? 'consumer' : 'standby'} needs is gone, so it can never resume from it`, {
          evidence: { type: s.type, active: s.active, walStatus: s.walStatus },
          fix: {
            description: s.type === 'logical' ? 'Drop it and re-create the subscription or CDC connector from a fresh snapshot' : 'Drop it and rebuild the standby (pg_basebackup) with a new slot',
            code: drop,
            language: 'sql',
          },
          impact: impact('warning', 0.6),
        }),
      );
      continue;
    }
    if (s.active) continue;
    const retained = s.retainedBytes ?? 0;
    const xmin = s.xminAge ?? 0;
    let severity: Severity | null = retained >= t.slotRetainedErrorBytes ? 'error' : retained >= t.slotRetainedWarnBytes ? 'warning' : null;
    // A physical slot with hot_standby_feedback keeps dead rows in every table while nobody uses it.
    if (!severity && xmin >= 1_000_000) severity = 'warning';
    if (!severity) continue;
    const who = s.type === 'logical' ? `logical slot ${name} (plugin ${s.plugin ?? '?'}, database ${s.database ?? '?'})` : `physical slot ${name}`;
    const holds = [
      `keeps ${formatBytes(retained)} of WAL on disk`,
      ...(xmin > 0 ? [`holds back VACUUM in every table by ${formatCount(xmin)} transactions`] : []),
      ...(s.type === 'logical' && (s.catalogXminAge ?? 0) > 0 ? [`holds back VACUUM of the system catalogs by ${formatCount(s.catalogXminAge ?? 0)} transactions`] : []),
    ];
    out.push(
      objectFinding(ID, severity, 'replication slot', name, database, `${who} is not in use and ${holds.join(', ')}; the WAL keeps growing until the disk fills${s.walStatus === 'unreserved' ? ' (already past max_wal_size: it will be invalidated soon if max_slot_wal_keep_size is set)' : ''}`, {
        evidence: { type: s.type, plugin: s.plugin, slotDatabase: s.database, retainedBytes: retained, xminAge: s.xminAge, catalogXminAge: s.catalogXminAge, walStatus: s.walStatus },
        fix: {
          description:
            s.type === 'logical'
              ? `Its consumer (a subscription or a CDC connector) stopped reading: restart it. Drop the slot only if nothing will read it again: the consumer then needs a fresh snapshot. Setting max_slot_wal_keep_size caps what one slot can hold`
              : `The standby or backup that used it is gone or disconnected: reconnect it, or drop the slot if it will not come back (a standby that returns later needs a new base backup). Setting max_slot_wal_keep_size caps what one slot can hold`,
          code: drop,
          language: 'sql',
        },
        impact: impact(severity, logScale(retained, 64 * 1024 ** 2, 1024 ** 4)),
      }),
    );
  }
  return out;
}

export const check: Check = {
  id: ID,
  severity: 'error',
  summary: 'Replication slots nobody uses that keep WAL (and old rows) on the server, and invalidated slots',
  docs: 'docs/diagnose/replication-slots.md',
  async run(ctx: CheckContext): Promise<Finding[]> {
    const rows = await ctx.session.query(
      'replication-slots.slots',
      `SELECT slot_name::text AS name, slot_type AS type, plugin::text AS plugin, database::text AS database, active, temporary, wal_status,
         pg_wal_lsn_diff(CASE WHEN pg_is_in_recovery() THEN pg_last_wal_receive_lsn() ELSE pg_current_wal_lsn() END, restart_lsn)::float8 AS retained,
         age(xmin)::float8 AS xmin_age, age(catalog_xmin)::float8 AS catalog_xmin_age
       FROM pg_replication_slots ORDER BY slot_name`,
    );
    ctx.examined(plural(rows.length, 'replication slot'));
    const slots: SlotFact[] = rows.map((r) => ({
      name: String(r.name),
      type: r.type === 'logical' ? 'logical' : 'physical',
      plugin: r.plugin === null ? null : String(r.plugin),
      database: r.database === null ? null : String(r.database),
      active: r.active === true,
      temporary: r.temporary === true,
      walStatus: r.wal_status === null ? null : String(r.wal_status),
      retainedBytes: r.retained === null ? null : Math.max(0, Number(r.retained)),
      xminAge: r.xmin_age === null ? null : Number(r.xmin_age),
      catalogXminAge: r.catalog_xmin_age === null ? null : Number(r.catalog_xmin_age),
    }));
    return evaluateSlots(slots, ctx.server.database, ctx.thresholds);
  },
};
