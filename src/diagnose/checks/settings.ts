import type { Finding } from '../../model/finding.js';
import type { DatabaseFact, SettingFact } from '../_facts.js';
import { formatBytes, formatCount, impact, objectFinding, settingSize, settingValue } from '../_util.js';
import type { Check, CheckContext, ResolvedMachine } from '../types.js';

const ID = 'settings';

export interface SettingsInput {
  settings: Map<string, SettingFact>;
  machine: ResolvedMachine;
  database: DatabaseFact;
  databaseName: string;
}

function advice(name: string, database: string, message: string, evidence: Finding['evidence'], description: string, code?: string): Finding {
  return objectFinding(ID, 'info', 'setting', name, database, message, {
    evidence,
    fix: { description, ...(code && { code, language: 'conf' as const }) },
    impact: impact('info', 0.2),
  });
}

const MB = 1024 ** 2;

/**
 * Advice, never alarms: the common starting points for the machine's size. Every line says what
 * it assumes; settings that need a restart say so.
 */
export function evaluateSettings(input: SettingsInput): Finding[] {
  const out: Finding[] = [];
  const s = input.settings;
  const ram = input.machine.memoryBytes;
  const cpus = input.machine.cpus;
  const db = input.databaseName;
  const machineNote = ram ? `machine memory ${formatBytes(ram)} (${input.machine.source})` : 'machine memory unknown (pass --memory)';

  const sb = settingValue(s.get('shared_buffers'));
  if (sb !== null) {
    if (ram) {
      const target = ram / 4;
      if (sb < ram * 0.15 || sb > ram * 0.5) {
        out.push(
          advice('shared_buffers', db, `shared_buffers is ${formatBytes(sb)} on a machine with ${formatBytes(ram)}; about 25% (${formatBytes(target)}) is the usual starting point`, { currentBytes: sb, memoryBytes: ram, suggestedBytes: Math.round(target), memorySource: input.machine.source }, 'Set it in postgresql.conf or your provider\'s parameter group; it takes effect after a restart', `shared_buffers = ${settingSize(target)}`),
        );
      }
    } else if (sb <= 128 * MB) {
      out.push(
        advice('shared_buffers', db, `shared_buffers is still ${formatBytes(sb)} (the default); on a dedicated database server about 25% of memory is the usual starting point`, { currentBytes: sb, memorySource: input.machine.source }, `${machineNote}; set shared_buffers to about a quarter of it (restart needed)`),
      );
    }
  }

  const ecs = settingValue(s.get('effective_cache_size'));
  if (ecs !== null && ram && ecs < ram * 0.5) {
    out.push(
      advice('effective_cache_size', db, `effective_cache_size is ${formatBytes(ecs)}, under half of the machine's ${formatBytes(ram)}: the planner assumes little data is cached and avoids index scans`, { currentBytes: ecs, memoryBytes: ram, suggestedBytes: Math.round(ram * 0.75) }, 'A planner hint only (no memory is allocated); about 75% of memory is typical. Reload is enough', `effective_cache_size = ${settingSize(ram * 0.75)}`),
    );
  }

  const wm = settingValue(s.get('work_mem'));
  const maxConn = Number(s.get('max_connections')?.value ?? 0);
  if (wm !== null) {
    const d = input.database;
    if (d.tempFiles >= 10 && d.tempBytes >= 100 * MB) {
      const suggested = Math.min(wm * 4, ram ? ram / Math.max(1, maxConn) : wm * 4);
      out.push(
        advice('work_mem', db, `${formatCount(d.tempFiles)} temporary files (${formatBytes(d.tempBytes)}) written in ${db} since statistics began: sorts and hashes that do not fit in work_mem (${formatBytes(wm)}) spill to disk`, { workMemBytes: wm, tempFiles: d.tempFiles, tempBytes: d.tempBytes, maxConnections: maxConn }, 'Raise work_mem for the role or queries that sort big sets rather than globally (each sort or hash of each connection may use it); see top-queries for those with temp blocks', `work_mem = ${settingSize(Math.max(suggested, wm * 2))}`),
      );
    }
    if (ram && wm * maxConn > ram) {
      out.push(
        advice('work_mem', db, `work_mem (${formatBytes(wm)}) × max_connections (${maxConn}) is ${formatBytes(wm * maxConn)}, more than the machine's ${formatBytes(ram)}: a burst of sorting connections could run it out of memory`, { workMemBytes: wm, maxConnections: maxConn, memoryBytes: ram }, 'Lower work_mem globally and raise it only for the roles that need it, or lower max_connections behind a pooler', `work_mem = ${settingSize(Math.max(4 * MB, (ram * 0.25) / Math.max(1, maxConn)))}`),
      );
    }
  }

  if (cpus && maxConn > Math.max(100, 25 * cpus)) {
    out.push(
      advice('max_connections', db, `max_connections is ${maxConn} for ${cpus} CPU cores: far more connections than cores only adds context switching and memory; a pooler serves the same clients with a few dozen`, { maxConnections: maxConn, cpus }, 'Put a pooler (PgBouncer in transaction mode) in front and lower max_connections (restart needed)', `max_connections = ${Math.max(100, 8 * cpus)}`),
    );
  }

  const rpc = Number(s.get('random_page_cost')?.value ?? NaN);
  if (rpc >= 4) {
    out.push(
      advice('random_page_cost', db, `random_page_cost is ${rpc}, a value meant for spinning disks; on SSD or cloud block storage random reads cost about the same as sequential ones, and a lower value lets the planner choose index scans`, { randomPageCost: rpc }, 'If the data lives on SSD/NVMe or cloud block storage, lower it (reload is enough)', 'random_page_cost = 1.1'),
    );
  }

  if ((s.get('autovacuum')?.value ?? 'on') === 'off') {
    out.push(
      advice('autovacuum', db, 'autovacuum is off for the whole server: dead rows pile up, statistics go stale, and only emergency anti-wraparound vacuums still run (see dead-tuples and stale-statistics for the tables already affected)', { autovacuum: 'off' }, 'Turn it back on (a reload is enough); tune it per table instead of disabling it', 'autovacuum = on'),
    );
  }

  if ((s.get('track_io_timing')?.value ?? 'on') === 'off') {
    out.push(
      advice('track_io_timing', db, 'track_io_timing is off: query statistics cannot tell time spent waiting for disk from CPU time', { trackIoTiming: 'off' }, 'Turn it on (cheap on modern systems; check with pg_test_timing)', 'track_io_timing = on'),
    );
  }
  return out;
}

export const check: Check = {
  id: ID,
  severity: 'info',
  summary: 'Memory, connection and planner settings compared with the machine size (advice)',
  docs: 'docs/diagnose/settings.md',
  async run(ctx: CheckContext): Promise<Finding[]> {
    const [settings, database] = await Promise.all([ctx.facts.settings(), ctx.facts.database()]);
    if ((settings.get('track_counts')?.value ?? 'on') === 'off') {
      ctx.note('track_counts is off: table and index usage statistics are not collected, so several checks see nothing.');
    }
    return evaluateSettings({ settings, machine: ctx.machine, database, databaseName: ctx.server.database });
  },
};
