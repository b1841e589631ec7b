import type { ActivityFact, SettingFact, TableFact } from './_facts.js';

/** Autovacuum as it applies to one table: server settings overridden by the table's storage parameters. */
export interface AutovacuumPolicy {
  /** Off for the server (autovacuum = off) or for the table (autovacuum_enabled = false). */
  enabled: boolean;
  disabledBy: 'server' | 'table' | 'server and table' | null;
  /** Dead rows at which autovacuum vacuums the table. */
  vacuumTrigger: number;
  /** Changed rows at which autovacuum analyzes the table. */
  analyzeTrigger: number;
  maxWorkers: number;
}

function num(settings: Map<string, SettingFact>, name: string, fallback: number): number {
  const v = Number(settings.get(name)?.value);
  return Number.isFinite(v) ? v : fallback;
}

export function autovacuumPolicy(t: TableFact, settings: Map<string, SettingFact>): AutovacuumPolicy {
  const o = t.options;
  const serverOn = (settings.get('autovacuum')?.value ?? 'on') === 'on' && (settings.get('track_counts')?.value ?? 'on') === 'on';
  const tableOn = !/^(false|off|no|0)$/i.test(o.autovacuum_enabled ?? 'true');
  const pick = (opt: string, setting: string, fallback: number): number => {
    const v = o[opt] !== undefined ? Number(o[opt]) : NaN;
    return Number.isFinite(v) && v >= 0 ? v : num(settings, setting, fallback);
  };
  const rows = Math.max(0, t.reltuples);
  return {
    enabled: serverOn && tableOn,
    disabledBy: !serverOn && !tableOn ? 'server and table' : !serverOn ? 'server' : !tableOn ? 'table' : null,
    vacuumTrigger:
      pick('autovacuum_vacuum_threshold', 'autovacuum_vacuum_threshold', 50) + pick('autovacuum_vacuum_scale_factor', 'autovacuum_vacuum_scale_factor', 0.2) * rows,
    analyzeTrigger:
      pick('autovacuum_analyze_threshold', 'autovacuum_analyze_threshold', 50) + pick('autovacuum_analyze_scale_factor', 'autovacuum_analyze_scale_factor', 0.1) * rows,
    maxWorkers: num(settings, 'autovacuum_max_workers', 3),
  };
}

/** "on the server", "for this table", or both. */
export function disabledWhere(p: AutovacuumPolicy): string {
  return p.disabledBy === 'server' ? 'on the server' : p.disabledBy === 'table' ? 'for this table' : 'on the server and for this table';
}

/** True when every autovacuum worker is busy right now (tables queue behind them). */
export function workersSaturated(activity: ActivityFact[], maxWorkers: number): boolean {
  return activity.filter((a) => a.backendType === 'autovacuum worker').length >= maxWorkers;
}
