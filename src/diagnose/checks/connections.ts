import type { Finding } from '../../model/finding.js';
import { plural, type ActivityFact, type SettingFact } from '../_facts.js';
import { formatCount, formatPercent, impact, objectFinding, reportHiddenSessions } from '../_util.js';
import type { Check, CheckContext, Thresholds } from '../types.js';

const ID = 'connections';

export interface ConnectionNumbers {
  maxConnections: number;
  /** superuser_reserved_connections plus reserved_connections (16+). */
  reserved: number;
  /** Client connections on the whole server, archie's own included. */
  used: number;
  /** Of which idle (not in a transaction). */
  idle: number;
  /** Client connections to the target database, archie's own excluded. */
  inDatabase: number;
  poolSize: number | undefined;
  database: string;
}

export function countConnections(activity: ActivityFact[], settings: Map<string, SettingFact>, database: string, poolSize: number | undefined): ConnectionNumbers {
  // Another user's session hides its backend_type (and state) without pg_read_all_stats: one with a
  // database is counted as a client, so hidden sessions never make the server look emptier than it is.
  const clients = activity.filter((a) => a.backendType === 'client backend' || (a.hidden && a.backendType === '' && a.database !== null));
  const num = (name: string): number => Number(settings.get(name)?.value ?? 0) || 0;
  return {
    maxConnections: num('max_connections'),
    reserved: num('superuser_reserved_connections') + num('reserved_connections'),
    used: clients.length + 1,
    idle: clients.filter((a) => a.state === 'idle').length,
    inDatabase: clients.filter((a) => a.database === database).length,
    poolSize,
    database,
  };
}

export function evaluateConnections(c: ConnectionNumbers, t: Thresholds): Finding[] {
  const out: Finding[] = [];
  const usable = Math.max(1, c.maxConnections - c.reserved);
  const ratio = c.used / usable;
  const evidence = {
    used: c.used,
    usable,
    maxConnections: c.maxConnections,
    reserved: c.reserved,
    idle: c.idle,
    usedRatio: Math.round(ratio * 1000) / 1000,
  };
  const pooler =
    'Put a transaction-mode pooler (PgBouncer, or your platform\'s proxy) in front so a few dozen server connections serve many clients, and shrink the application pools; raising max_connections costs memory per connection and needs a restart';
  if (ratio >= t.connectionsWarnRatio) {
    const severity = ratio >= t.connectionsErrorRatio ? 'error' : 'warning';
    out.push(
      objectFinding(ID, severity, 'server', 'max_connections', c.database, `${formatCount(c.used)} of ${formatCount(usable)} usable connections are in use (${formatPercent(ratio, 0)}); ${formatCount(c.idle)} of them are idle`, {
        evidence,
        fix: { description: pooler, code: '# pgbouncer.ini\npool_mode = transaction\ndefault_pool_size = 20', language: 'conf' },
        impact: impact(severity, ratio),
      }),
    );
  } else if (c.used >= 20 && c.idle / c.used >= 0.5 && c.idle >= 20) {
    out.push(
      objectFinding(ID, 'info', 'server', 'max_connections', c.database, `${formatCount(c.idle)} of ${formatCount(c.used)} connections are idle: each still costs server memory and a process`, {
        evidence,
        fix: { description: pooler },
        impact: impact('info', c.idle / c.used),
      }),
    );
  }
  if (c.poolSize !== undefined) {
    const others = c.used - 1 - c.inDatabase;
    const room = usable - others - 1;
    const poolEvidence = { ...evidence, poolSize: c.poolSize, inDatabase: c.inDatabase, availableForPool: room };
    if (c.poolSize > room) {
      out.push(
        objectFinding(ID, 'warning', 'pool', `pool size ${c.poolSize}`, c.database, `a pool of ${formatCount(c.poolSize)} cannot open all its connections: the server has room for ${formatCount(Math.max(0, room))} besides the ${formatCount(others)} other connections`, {
          evidence: poolEvidence,
          fix: { description: `Lower the pool size to at most ${Math.max(0, room)} (all application instances together), or put a pooler in front of the server` },
          impact: impact('warning', Math.min(1, c.poolSize / Math.max(1, room) - 1)),
        }),
      );
    }
    const poolRatio = c.inDatabase / Math.max(1, c.poolSize);
    if (poolRatio >= t.poolWarnRatio) {
      out.push(
        objectFinding(ID, 'warning', 'pool', `pool size ${c.poolSize}`, c.database, `${formatCount(c.inDatabase)} connections to ${c.database} against a pool of ${formatCount(c.poolSize)} (${formatPercent(poolRatio, 0)}): requests will queue for a connection when it is full`, {
          evidence: { ...poolEvidence, poolUsedRatio: Math.round(poolRatio * 1000) / 1000 },
          fix: {
            description:
              'Find what holds connections (long transactions, idle-in-transaction sessions, slow queries above); a pool is healthy below about 80% use. Grow it only if the server has room (see max_connections)',
          },
          impact: impact('warning', Math.min(1, poolRatio)),
        }),
      );
    }
  }
  return out;
}

export const check: Check = {
  id: ID,
  severity: 'error',
  summary: 'Connections in use against max_connections, and against the application pool size when given',
  docs: 'docs/diagnose/connections.md',
  async run(ctx: CheckContext): Promise<Finding[]> {
    const [activity, settings] = await Promise.all([ctx.facts.activity(), ctx.facts.settings()]);
    ctx.examined(plural(activity.filter((a) => a.backendType === 'client backend' || a.hidden).length, 'session'));
    reportHiddenSessions(ctx, activity);
    return evaluateConnections(countConnections(activity, settings, ctx.server.database, ctx.poolSize), ctx.thresholds);
  },
};
