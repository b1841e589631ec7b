import type { Finding, Severity } from '../../model/finding.js';
import { plural } from '../_facts.js';
import { formatBytes, formatDuration, impact, logScale, objectFinding, round } from '../_util.js';
import type { Check, CheckContext, Thresholds } from '../types.js';

const ID = 'replication-lag';

/** What a standby knows about its own replay. */
export interface StandbyState {
  /** WAL received but not yet replayed, bytes (0 when replay has caught up with what arrived). */
  replayGapBytes: number | null;
  /** Seconds since the last replayed transaction committed on the primary; null before any. */
  sinceReplayS: number | null;
  paused: boolean;
  /** pg_stat_wal_receiver.status ('streaming', ...), null when no WAL receiver runs. */
  receiver: string | null;
  /** False when pg_stat_wal_receiver is hidden from this user. */
  receiverVisible: boolean;
}

/** One standby as its primary sees it (pg_stat_replication). */
export interface StandbyRow {
  name: string;
  clientAddr: string | null;
  state: string | null;
  /** WAL the standby has not replayed yet, bytes; null when hidden (no pg_read_all_stats). */
  replayBehindBytes: number | null;
  replayLagS: number | null;
}

function severityOf(seconds: number, bytes: number, t: Thresholds): Severity | null {
  if (seconds >= t.replicationLagErrorSeconds || bytes >= t.replicationLagErrorBytes) return 'error';
  if (seconds >= t.replicationLagWarnSeconds || bytes >= t.replicationLagWarnBytes) return 'warning';
  return null;
}

const magnitude = (seconds: number, bytes: number): number => Math.max(logScale(seconds, 10, 86_400), logScale(bytes, 16 * 1024 ** 2, 100 * 1024 ** 3));

/** Findings on a standby: paused replay, no WAL arriving, replay far behind. */
export function evaluateStandby(s: StandbyState, database: string, t: Thresholds): Finding[] {
  const out: Finding[] = [];
  if (s.paused) {
    out.push(
      objectFinding(ID, 'warning', 'server', 'WAL replay', database, 'WAL replay is paused on this standby (pg_wal_replay_pause()): it applies nothing until someone resumes it, and falls further behind with every write on the primary', {
        evidence: { paused: true, replayGapBytes: s.replayGapBytes },
        fix: { description: 'Resume replay, unless it was paused on purpose (an investigation, a point-in-time recovery)', code: 'SELECT pg_wal_replay_resume();', language: 'sql' },
        impact: impact('warning', 0.9),
      }),
    );
  }
  if (s.receiverVisible && s.receiver !== 'streaming') {
    out.push(
      objectFinding(ID, 'warning', 'server', 'WAL receiver', database, `this standby is not streaming from its primary (WAL receiver ${s.receiver === null ? 'not running' : `status ${s.receiver}`}): it only replays what it already has or restores from the archive`, {
        evidence: { receiverStatus: s.receiver },
        fix: { description: "Check primary_conninfo and the primary's pg_hba.conf and max_wal_senders, and this server's log for the receiver's last error" },
        impact: impact('warning', 0.8),
      }),
    );
  }
  const gap = s.replayGapBytes ?? 0;
  // Without WAL waiting to be replayed the standby is current, however long ago the last commit was.
  const seconds = gap > 0 ? (s.sinceReplayS ?? 0) : 0;
  const severity = severityOf(seconds, gap, t);
  if (severity) {
    out.push(
      objectFinding(ID, severity, 'server', 'replay lag', database, `this standby is ${formatDuration(seconds)} and ${formatBytes(gap)} of WAL behind its primary: reads here return data that old${s.paused ? ' (replay is paused)' : ''}`, {
        evidence: { lagSeconds: round(seconds, 1), replayGapBytes: gap, paused: s.paused, receiverStatus: s.receiver },
        fix: s.paused
          ? { description: 'Replay is paused: resume it', code: 'SELECT pg_wal_replay_resume();', language: 'sql' }
          : {
              description:
                'Find what holds replay back: a long query here that conflicts with replay (max_standby_streaming_delay, hot_standby_feedback), slow storage on this standby, or a network that cannot carry the WAL rate; send reads that need fresh data to the primary meanwhile',
            },
        impact: impact(severity, magnitude(seconds, gap)),
      }),
    );
  }
  return out;
}

/** Findings on a primary: each standby behind by time or WAL. */
export function evaluateStandbys(rows: StandbyRow[], database: string, t: Thresholds): Finding[] {
  const out: Finding[] = [];
  for (const r of rows) {
    const bytes = r.replayBehindBytes ?? 0;
    // replay_lag keeps its last measurement once the standby is idle: it counts only with WAL outstanding.
    const seconds = bytes > 0 ? (r.replayLagS ?? 0) : 0;
    const severity = severityOf(seconds, bytes, t);
    if (!severity) continue;
    out.push(
      objectFinding(ID, severity, 'standby', r.name, database, `standby ${r.name}${r.clientAddr ? ` (${r.clientAddr})` : ''} has not replayed the last ${formatBytes(bytes)} of WAL${seconds > 0 ? ` (replay lag ${formatDuration(seconds)})` : ''}: reads there are stale and failing over to it would take that long to catch up`, {
        evidence: { state: r.state, replayBehindBytes: bytes, replayLagSeconds: r.replayLagS === null ? null : round(seconds, 1), clientAddr: r.clientAddr },
        fix: { description: 'Run archie diagnose on that standby: it tells whether replay is paused, conflicts with queries, or the WAL does not arrive' },
        impact: impact(severity, magnitude(seconds, bytes)),
      }),
    );
  }
  return out;
}

export const check: Check = {
  id: ID,
  severity: 'error',
  summary: 'Replication lag: on a standby its own replay, on a primary every standby in pg_stat_replication',
  docs: 'docs/diagnose/replication-lag.md',
  async run(ctx: CheckContext): Promise<Finding[]> {
    if (ctx.server.inRecovery) {
      const [r] = await ctx.session.query(
        'replication-lag.standby',
        `SELECT pg_wal_lsn_diff(pg_last_wal_receive_lsn(), pg_last_wal_replay_lsn())::float8 AS gap,
           extract(epoch FROM now() - pg_last_xact_replay_timestamp())::float8 AS since_replay_s,
           pg_is_wal_replay_paused() AS paused,
           (SELECT count(*) FROM pg_stat_wal_receiver) AS receivers,
           (SELECT status FROM pg_stat_wal_receiver LIMIT 1) AS receiver,
           pg_has_role(current_user, 'pg_read_all_stats', 'MEMBER') OR (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS visible`,
      );
      ctx.examined('this standby');
      const visible = r?.visible === true;
      if (!visible) ctx.couldNotCheck(`pg_stat_wal_receiver is hidden from ${ctx.server.user}: whether WAL still arrives is unknown`, `GRANT pg_read_all_stats TO ${ctx.server.user};`);
      return evaluateStandby(
        {
          replayGapBytes: r?.gap === null || r?.gap === undefined ? null : Math.max(0, Number(r.gap)),
          sinceReplayS: r?.since_replay_s === null || r?.since_replay_s === undefined ? null : Number(r.since_replay_s),
          paused: r?.paused === true,
          receiver: r?.receiver === null || r?.receiver === undefined ? null : String(r.receiver),
          receiverVisible: visible,
        },
        ctx.server.database,
        ctx.thresholds,
      );
    }
    const rows = await ctx.session.query(
      'replication-lag.standbys',
      `SELECT application_name, client_addr::text AS client_addr, state,
         pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn)::float8 AS behind,
         extract(epoch FROM replay_lag)::float8 AS replay_lag_s
       FROM pg_stat_replication ORDER BY application_name, pid`,
    );
    ctx.examined(plural(rows.length, 'standby'));
    const standbys: StandbyRow[] = rows.map((r) => ({
      name: String(r.application_name || r.client_addr || 'unnamed'),
      clientAddr: r.client_addr === null ? null : String(r.client_addr),
      state: r.state === null ? null : String(r.state),
      replayBehindBytes: r.behind === null ? null : Math.max(0, Number(r.behind)),
      replayLagS: r.replay_lag_s === null ? null : Number(r.replay_lag_s),
    }));
    const hidden = standbys.filter((x) => x.state === null).length;
    if (hidden > 0) ctx.couldNotCheck(`${plural(hidden, 'standby')}' positions are hidden from ${ctx.server.user}`, `GRANT pg_read_all_stats TO ${ctx.server.user};`);
    return evaluateStandbys(standbys, ctx.server.database, ctx.thresholds);
  },
};
