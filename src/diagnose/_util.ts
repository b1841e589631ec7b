import type { Finding, Severity } from '../model/finding.js';
import type { SettingFact } from './_facts.js';

/**
 * Impact orders findings across checks: the severity sets the band (error 200+, warning 100+,
 * info 0+), the check's own magnitude (0..1) places it inside the band.
 */
export function impact(severity: Severity, magnitude: number): number {
  const base = severity === 'error' ? 200 : severity === 'warning' ? 100 : 0;
  const m = Number.isFinite(magnitude) ? Math.min(1, Math.max(0, magnitude)) : 0;
  return base + Math.round(m * 990) / 10;
}

/** Map a quantity onto 0..1 on a log scale between `low` and `high`. */
export function logScale(value: number, low: number, high: number): number {
  if (value <= low) return 0;
  if (value >= high) return 1;
  return Math.log(value / low) / Math.log(high / low);
}

export function objectFinding(
  ruleId: string,
  severity: Severity,
  objectType: string,
  name: string,
  database: string,
  message: string,
  extra: Pick<Finding, 'evidence' | 'fix' | 'impact' | 'related'>,
): Finding {
  return {
    ruleId,
    severity,
    message,
    location: { kind: 'object', objectType, name, database },
    ...extra,
  };
}

const UNITS = ['B', 'kB', 'MB', 'GB', 'TB', 'PB'];

/** 1536 → "1.5 kB" (binary multiples, PostgreSQL's own unit names). */
export function formatBytes(bytes: number): string {
  let v = bytes;
  let i = 0;
  while (Math.abs(v) >= 1024 && i < UNITS.length - 1) {
    v /= 1024;
    i += 1;
  }
  return `${i === 0 ? Math.round(v) : v >= 100 ? Math.round(v) : Number(v.toFixed(1))} ${UNITS[i]}`;
}

/** A size as PostgreSQL accepts it in a setting: whole MB or GB. */
export function settingSize(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  if (mb >= 1024 && Math.round(mb / 1024) * 1024 === Math.round(mb)) return `${Math.round(mb / 1024)}GB`;
  if (mb >= 4096) return `${Math.round(mb / 1024)}GB`;
  return `${Math.max(1, Math.round(mb))}MB`;
}

export function formatCount(v: number): string {
  return Math.round(v).toLocaleString('en-US');
}

export function formatPercent(ratio: number, digits = 1): string {
  return `${(ratio * 100).toFixed(digits)}%`;
}

export function formatDuration(seconds: number): string {
  if (seconds < 1) return `${Math.round(seconds * 1000)} ms`;
  if (seconds < 120) return `${Number(seconds.toFixed(1))} s`;
  if (seconds < 7200) return `${Math.round(seconds / 60)} min`;
  if (seconds < 172_800) return `${Number((seconds / 3600).toFixed(1))} h`;
  return `${Math.round(seconds / 86_400)} days`;
}

export function formatMs(ms: number): string {
  if (ms < 1) return `${ms.toFixed(2)} ms`;
  if (ms < 1000) return `${Number(ms.toFixed(1))} ms`;
  return formatDuration(ms / 1000);
}

/** Round for evidence: keeps JSON stable and readable. */
export function round(v: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}

/** A memory or time setting in base units (bytes, milliseconds); null when not numeric. */
export function settingValue(s: SettingFact | undefined): number | null {
  if (!s) return null;
  const v = Number(s.value);
  if (!Number.isFinite(v)) return null;
  const unit = s.unit ?? '';
  const m = /^(\d+)?\s*(B|kB|MB|GB|TB|ms|s|min|h|d)?$/.exec(unit);
  if (!m) return v;
  const mult = Number(m[1] ?? 1);
  const scale: Record<string, number> = {
    B: 1,
    kB: 1024,
    MB: 1024 ** 2,
    GB: 1024 ** 3,
    TB: 1024 ** 4,
    ms: 1,
    s: 1000,
    min: 60_000,
    h: 3_600_000,
    d: 86_400_000,
  };
  return v * mult * (m[2] ? (scale[m[2]] ?? 1) : 1);
}

/** Parse "16GB", "512 MB", "1.5T", "2048" (MB) into bytes; null when it is not a size. */
export function parseSize(text: string): number | null {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([kmgt]i?b?|b)?\s*$/i.exec(text);
  if (!m) return null;
  const v = Number(m[1]);
  const u = (m[2] ?? 'mb').toLowerCase()[0];
  const scale: Record<string, number> = { b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4 };
  return Math.round(v * (scale[u ?? 'm'] ?? 1));
}

/** Tell the run when other users' sessions are hidden from this one (their state, times and query). */
export function reportHiddenSessions(ctx: { couldNotCheck(reason: string, remedy?: string): void; server: { user: string } }, sessions: { hidden: boolean; backendType: string }[]): void {
  // For another user's session PostgreSQL hides even backend_type: a hidden row is counted as a client.
  const hidden = sessions.filter((a) => a.hidden && (a.backendType === 'client backend' || a.backendType === '')).length;
  if (hidden === 0) return;
  ctx.couldNotCheck(
    `${hidden} session${hidden === 1 ? '' : 's'} of other users ${hidden === 1 ? 'is' : 'are'} hidden from ${ctx.server.user} (state, times and query)`,
    `GRANT pg_read_all_stats TO ${/^[a-z_][a-z0-9_]*$/.test(ctx.server.user) ? ctx.server.user : `"${ctx.server.user.replace(/"/g, '""')}"`};`,
  );
}

/** Say which tables' index definitions a queued lock kept archie from reading. */
export function reportUnreadableDefinitions(ctx: { couldNotCheck(reason: string, remedy?: string): void }, tables: string[]): void {
  if (tables.length === 0) return;
  ctx.couldNotCheck(
    `the index definitions of ${tables.join(', ')} could not be read: a lock is queued on ${tables.length === 1 ? 'that table' : 'those tables'} (an ALTER waiting behind a long transaction)`,
    'rerun once the lock queue clears (blocking-locks names the session holding it up)',
  );
}
