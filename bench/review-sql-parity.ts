/**
 * Rule parity of archie's SQL review with Squawk, measured on the same SQL cases in the same run:
 * for every Squawk rule, how many of its unsafe cases each tool flags (recall) and how many of its
 * safe cases each tool wrongly flags (false positives), side by side.
 *
 *   node --import tsx bench/review-sql-parity.ts [--verbose] [--rule <squawk-rule>]
 *
 * Cases come from two sources:
 *  - Squawk's own rule tests, extracted at run time from a local copy of its repository when one is
 *    present (SQUAWK_REPO: a git directory or a checkout; default /work/.mirror/sbdchd+squawk/repo).
 *    Every test of crates/squawk_linter/src/rules/*.rs that calls lint_ok* is a safe case, every one
 *    that calls lint_errors* or a fix helper is an unsafe case, with its pg_version and
 *    assume_in_transaction settings. Nothing of that repository is stored here.
 *  - The cases below (OWN_CASES), written from the documented behaviour of the rules, including the
 *    strong_migrations checks Squawk has no rule for (Squawk's column is then "-").
 *
 * Squawk is the squawk-cli npm package (a native binary shipped in the package), installed on first
 * use into bench/.peers (gitignored), or SQUAWK_BIN. Each case runs with the settings its test names
 * (--pg-version, --assume-in-transaction); a case counts as flagged by Squawk when Squawk reports the
 * rule under test, and by archie when archie reports one of the rules mapped to it (MAP).
 * Exits 1 when a side could not run.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { rules as sqlRules } from '../src/review/rules/sql/index.js';
import { reviewSql } from '../src/review/sql/index.js';

const here = import.meta.dirname;
const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const onlyRule = args.includes('--rule') ? args[args.indexOf('--rule') + 1] : undefined;

interface Case {
  source: 'squawk' | 'own';
  /** The Squawk rule (or, for own cases without a Squawk rule, `strong_migrations:<check>`). */
  rule: string;
  name: string;
  sql: string;
  unsafe: boolean;
  pgVersion: number;
  assumeInTransaction: boolean;
}

/** Squawk rule → the archie rules that cover it. */
const MAP: Record<string, string[]> = {
  'adding-field-with-default': ['sql/add-column-volatile-default'],
  'adding-foreign-key-constraint': ['sql/add-constraint-not-valid'],
  'adding-not-nullable-field': ['sql/set-not-null-without-check'],
  'adding-serial-primary-key-field': ['sql/unique-constraint-without-index'],
  'adding-required-field': ['sql/add-column-not-null-without-default'],
  'ban-alter-domain-with-add-constraint': ['sql/alter-domain-add-constraint'],
  'ban-char-field': ['sql/no-char'],
  'ban-concurrent-index-creation-in-transaction': ['sql/concurrently-in-transaction'],
  'ban-create-domain-with-constraint': ['sql/create-domain-constraint'],
  'ban-drop-column': ['sql/drop-column'],
  'ban-drop-database': ['sql/drop-database'],
  'ban-drop-not-null': ['sql/drop-not-null'],
  'ban-drop-table': ['sql/drop-table'],
  'ban-duplicate-column-assignments': ['sql/duplicate-column'],
  'ban-truncate-cascade': ['sql/truncate-cascade'],
  'ban-uncommitted-transaction': ['sql/uncommitted-transaction'],
  'changing-column-type': ['sql/alter-column-type-rewrite'],
  'constraint-missing-not-valid': ['sql/add-constraint-not-valid', 'sql/validate-in-same-transaction'],
  'disallowed-unique-constraint': ['sql/unique-constraint-without-index'],
  'identifier-too-long': ['sql/identifier-too-long'],
  'prefer-bigint-over-int': ['sql/prefer-bigint-over-int', 'sql/prefer-bigint-primary-key'],
  'prefer-bigint-over-smallint': ['sql/prefer-bigint-over-smallint'],
  'prefer-identity': ['sql/prefer-identity'],
  'prefer-repack': ['sql/vacuum-full-or-cluster'],
  'prefer-robust-stmts': ['sql/prefer-robust-stmts'],
  'prefer-text-field': ['sql/prefer-text'],
  'prefer-timestamp-tz': ['sql/prefer-timestamptz'],
  'renaming-column': ['sql/rename-column'],
  'renaming-table': ['sql/rename-table'],
  'require-concurrent-index-creation': ['sql/create-index-concurrently'],
  'require-concurrent-index-deletion': ['sql/drop-index-concurrently'],
  'require-concurrent-partition-detach': ['sql/detach-partition-concurrently'],
  'require-concurrent-reindex': ['sql/reindex-concurrently'],
  'require-enum-value-ordering': ['sql/enum-value-ordering'],
  'require-table-schema': ['sql/require-table-schema'],
  'require-timeout-settings': ['sql/require-lock-timeout', 'sql/require-statement-timeout'],
  'require-lock-timeout': ['sql/require-lock-timeout'],
  'require-statement-timeout': ['sql/require-statement-timeout'],
  'transaction-nesting': ['sql/transaction-nesting'],
  // strong_migrations checks Squawk has no rule for.
  'strong_migrations:add_exclusion_constraint': ['sql/add-exclusion-constraint'],
  'strong_migrations:add_column_json': ['sql/prefer-jsonb'],
  'strong_migrations:rename_enum_value': ['sql/rename-enum-value'],
  'strong_migrations:rename_schema': ['sql/rename-schema'],
  'strong_migrations:add_index_columns': ['sql/index-too-many-columns'],
};

/** Squawk's require-timeout-settings is an alias of the two timeout rules. */
const SQUAWK_ALIASES: Record<string, string[]> = { 'require-timeout-settings': ['require-lock-timeout', 'require-statement-timeout'] };

const own = (rule: string, name: string, unsafe: boolean, sql: string, o: { pg?: number; tx?: boolean } = {}): Case => ({
  source: 'own',
  rule,
  name,
  sql,
  unsafe,
  pgVersion: o.pg ?? 15,
  assumeInTransaction: o.tx ?? false,
});

/** Cases written from the rules' documented behaviour: the issue's wrong verdicts and strong_migrations' checks. */
const OWN_CASES: Case[] = [
  own('changing-column-type', 'varchar to text with USING col::text is no rewrite', false, 'CREATE TABLE t (id bigint PRIMARY KEY, s varchar(50));\nCOMMIT;\nALTER TABLE t ALTER COLUMN s TYPE text USING s::text;\n'),
  own('changing-column-type', 'int to bigint rewrites', true, 'ALTER TABLE t ALTER COLUMN id TYPE bigint;\n'),
  own('ban-concurrent-index-creation-in-transaction', 'CIC in a file the tool wraps in a transaction', true, "SET lock_timeout = '1s';\nCREATE INDEX CONCURRENTLY t_a_idx ON t (a);\n", { tx: true }),
  own('adding-field-with-default', 'default calls a user-defined function', true, 'ALTER TABLE t ADD COLUMN c text DEFAULT my_func();\n'),
  own('adding-field-with-default', 'default is a constant cast', false, "ALTER TABLE t ADD COLUMN c jsonb DEFAULT '{}'::jsonb;\n"),
  own('disallowed-unique-constraint', 'inline UNIQUE on ADD COLUMN', true, 'ALTER TABLE t ADD COLUMN c text UNIQUE;\n'),
  own('adding-foreign-key-constraint', 'inline REFERENCES on ADD COLUMN', true, 'ALTER TABLE t ADD COLUMN u bigint REFERENCES users (id);\n'),
  own('prefer-repack', 'VACUUM (FULL false) is a plain vacuum', false, 'VACUUM (FULL false) t;\n', { pg: 19 }),
  own('require-concurrent-reindex', 'REINDEX (CONCURRENTLY false) blocks', true, 'REINDEX (CONCURRENTLY false) TABLE t;\n'),
  own('adding-not-nullable-field', 'VALIDATE then SET NOT NULL (CHECK added by an earlier migration)', false, 'ALTER TABLE t VALIDATE CONSTRAINT t_c_not_null;\nALTER TABLE t ALTER COLUMN c SET NOT NULL;\n'),
  own('prefer-text-field', 'varchar(n)[]', true, 'CREATE TABLE t (id bigint PRIMARY KEY, tags varchar(20)[]);\n'),
  own('require-lock-timeout', "lock_timeout = '1h' is no protection", true, "SET lock_timeout = '1h';\nSET statement_timeout = '5s';\nALTER TABLE t ADD COLUMN c int;\n"),
  own('require-concurrent-reindex', 'REINDEX after timeouts are set', true, "SET lock_timeout = '1s';\nSET statement_timeout = '5s';\nREINDEX TABLE t;\n"),
  own('ban-truncate-cascade', 'TRUNCATE CASCADE after timeouts are set', true, "SET lock_timeout = '1s';\nSET statement_timeout = '5s';\nTRUNCATE t CASCADE;\n"),
  own('strong_migrations:add_exclusion_constraint', 'EXCLUDE on an existing table', true, 'ALTER TABLE bookings ADD CONSTRAINT no_overlap EXCLUDE USING gist (room WITH =, during WITH &&);\n'),
  own('strong_migrations:add_exclusion_constraint', 'EXCLUDE in CREATE TABLE', false, 'CREATE TABLE bookings (id bigint PRIMARY KEY, room int, during tstzrange, EXCLUDE USING gist (room WITH =, during WITH &&));\n'),
  own('strong_migrations:add_column_json', 'json column', true, 'ALTER TABLE t ADD COLUMN props json;\n'),
  own('strong_migrations:add_column_json', 'jsonb column', false, 'ALTER TABLE t ADD COLUMN props jsonb;\n'),
  own('strong_migrations:rename_enum_value', 'ALTER TYPE … RENAME VALUE', true, "ALTER TYPE mood RENAME VALUE 'sad' TO 'unhappy';\n"),
  own('strong_migrations:rename_enum_value', 'ALTER TYPE … ADD VALUE', false, "ALTER TYPE mood ADD VALUE 'meh' AFTER 'ok';\n"),
  own('strong_migrations:rename_schema', 'ALTER SCHEMA … RENAME', true, 'ALTER SCHEMA app RENAME TO app_v2;\n'),
  own('strong_migrations:rename_schema', 'CREATE SCHEMA', false, 'CREATE SCHEMA app;\n'),
  own('strong_migrations:add_index_columns', 'non-unique index on four columns', true, 'CREATE INDEX CONCURRENTLY t_abcd_idx ON t (a, b, c, d);\n'),
  own('strong_migrations:add_index_columns', 'unique index on four columns', false, 'CREATE UNIQUE INDEX CONCURRENTLY t_abcd_key ON t (a, b, c, d);\n'),
];

// ---------------------------------------------------------------------------------------------
// Squawk's rule tests, read at run time.

function readRepoFiles(repo: string): Map<string, string> | undefined {
  const out = new Map<string, string>();
  const dir = 'crates/squawk_linter/src';
  if (existsSync(join(repo, dir))) {
    for (const f of readdirSync(join(repo, dir, 'rules'))) if (f.endsWith('.rs')) out.set(`rules/${f}`, readFileSync(join(repo, dir, 'rules', f), 'utf8'));
    out.set('lib.rs', readFileSync(join(repo, dir, 'lib.rs'), 'utf8'));
    return out;
  }
  const git = (a: string[]): string | undefined => {
    const r = spawnSync('git', ['--git-dir', repo, ...a], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    return r.status === 0 ? r.stdout : undefined;
  };
  const list = git(['ls-tree', '--name-only', 'HEAD', `${dir}/rules/`]);
  if (list === undefined) return undefined;
  for (const path of list.split('\n').filter((p) => p.endsWith('.rs'))) {
    const text = git(['show', `HEAD:${path}`]);
    if (text !== undefined) out.set(`rules/${path.split('/').pop()}`, text);
  }
  const lib = git(['show', `HEAD:${dir}/lib.rs`]);
  if (lib !== undefined) out.set('lib.rs', lib);
  return out;
}

interface Lit {
  value: string;
  start: number;
  end: number;
}

/** The Rust string literals of a piece of source: raw r#"…"#, r"…" and "…" with escapes. */
function literals(src: string): Lit[] {
  const out: Lit[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (c === '/' && src[i + 1] === '/') {
      i = src.indexOf('\n', i);
      if (i < 0) break;
      continue;
    }
    if (c === "'" && /[a-z_]/.test(src[i + 1] ?? '') && src[i + 2] !== "'") {
      i++; // a lifetime, not a char literal
      continue;
    }
    if (c === "'") {
      const close = src.indexOf("'", i + (src[i + 1] === '\\' ? 3 : 2));
      i = close < 0 ? src.length : close + 1;
      continue;
    }
    const raw = /^r(#*)"/.exec(src.slice(i, i + 10));
    if (raw && !/[A-Za-z0-9_]/.test(src[i - 1] ?? '')) {
      const hashes = raw[1] ?? '';
      const open = i + raw[0].length;
      const close = src.indexOf(`"${hashes}`, open);
      if (close < 0) break;
      out.push({ value: src.slice(open, close), start: i, end: close + 1 + hashes.length });
      i = close + 1 + hashes.length;
      continue;
    }
    if (c === '"') {
      let j = i + 1;
      let value = '';
      while (j < src.length && src[j] !== '"') {
        if (src[j] === '\\') {
          const e = src[j + 1];
          const map: Record<string, string> = { n: '\n', r: '\r', t: '\t', '\\': '\\', '"': '"', "'": "'", '0': '\0' };
          if (e === '\n') {
            j += 2;
            while (/\s/.test(src[j] ?? '')) j++;
            continue;
          }
          value += map[e ?? ''] ?? e ?? '';
          j += 2;
          continue;
        }
        value += src[j];
        j++;
      }
      out.push({ value, start: i, end: j + 1 });
      i = j + 1;
      continue;
    }
    i++;
  }
  return out;
}

/** The body of each `fn name(...) { … }` in the test module, by brace matching over literal-free text. */
function functions(module: string): { name: string; body: string; bodyStart: number }[] {
  const lits = literals(module);
  const masked = module.split('');
  for (const l of lits) for (let k = l.start; k < l.end; k++) masked[k] = ' ';
  const text = masked.join('');
  const out: { name: string; body: string; bodyStart: number }[] = [];
  const re = /fn\s+([a-z0-9_]+)\s*\([^)]*\)[^{;]*\{/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    let depth = 1;
    let k = m.index + m[0].length;
    for (; k < text.length && depth > 0; k++) {
      if (text[k] === '{') depth++;
      else if (text[k] === '}') depth--;
    }
    out.push({ name: m[1] ?? '', body: module.slice(m.index + m[0].length, k - 1), bodyStart: m.index + m[0].length });
  }
  return out;
}

function squawkCases(repo: string): { cases: Case[]; skipped: string[]; ruleNames: Map<string, string> } | undefined {
  const files = readRepoFiles(repo);
  const lib = files?.get('lib.rs');
  if (!files || !lib) return undefined;
  const ruleNames = new Map<string, string>();
  for (const m of lib.matchAll(/Rule::([A-Za-z]+)\s*=>\s*\{?\s*"([a-z0-9-]+)"/g)) ruleNames.set(m[1] ?? '', m[2] ?? '');
  const cases: Case[] = [];
  const skipped: string[] = [];
  for (const [path, src] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (!path.startsWith('rules/') || path === 'rules/mod.rs') continue;
    const at = src.search(/mod test\s*\{/);
    if (at < 0) continue;
    const module = src.slice(at);
    const fns = functions(module);
    const counts = new Map<string, number>();
    for (const m of module.matchAll(/Rule::([A-Za-z]+)/g)) counts.set(m[1] ?? '', (counts.get(m[1] ?? '') ?? 0) + 1);
    const mainRule = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
    // Helpers such as `fn pg19() -> LinterSettings` or `fn lint(sql) { lint_errors(sql, Rule::X) }`.
    const helpers = new Map<string, { pg?: number; tx?: boolean; rule?: string; kind?: 'ok' | 'err' }>();
    for (const f of fns) {
      const pg = /pg_version:\s*"(\d+)/.exec(f.body)?.[1];
      const rule = /Rule::([A-Za-z]+)/.exec(f.body)?.[1];
      const kind = /lint_ok/.test(f.body) ? 'ok' : /lint_errors|fix_sql/.test(f.body) ? 'err' : undefined;
      if (!/#\[test\]\s*$/.test(module.slice(0, module.indexOf(`fn ${f.name}`)).slice(-40))) {
        helpers.set(f.name, { ...(pg ? { pg: Number(pg) } : {}), ...(/assume_in_transaction:\s*true/.test(f.body) ? { tx: true } : {}), ...(rule ? { rule } : {}), ...(kind ? { kind } : {}) });
      }
    }
    // One level of helpers calling helpers (`fn fix(sql) { fix_sql_with(sql, pg19(), …) }`).
    for (const [name, info] of helpers) {
      const body = fns.find((f) => f.name === name)?.body ?? '';
      for (const [other, o] of helpers) if (other !== name && new RegExp(`\\b${other}\\s*\\(`).test(body)) helpers.set(name, { ...o, ...info, pg: info.pg ?? o.pg, tx: info.tx ?? o.tx });
    }
    for (const f of fns) {
      if (helpers.has(f.name)) continue;
      let pg = Number(/pg_version:\s*"(\d+)/.exec(f.body)?.[1] ?? 15);
      let tx = /assume_in_transaction:\s*true/.test(f.body);
      let kind: 'ok' | 'err' | undefined = /\blint_ok(_with)?\s*\(/.test(f.body) ? 'ok' : /\blint_errors(_with)?\s*\(|\bfix(_sql(_with)?)?\s*\(/.test(f.body) ? 'err' : undefined;
      let rule = /Rule::([A-Za-z]+)/.exec(f.body)?.[1];
      for (const [h, info] of helpers) {
        if (!new RegExp(`\\b${h}\\s*\\(`).test(f.body)) continue;
        if (info.pg) pg = info.pg;
        if (info.tx) tx = true;
        if (info.kind && !/\blint_(ok|errors)(_with)?\s*\(\s*(sql|&sql)/.test(f.body)) kind = info.kind;
        rule ??= info.rule;
      }
      if (/\blint_ok(_with)?\s*\(/.test(f.body)) kind = 'ok';
      rule ??= mainRule;
      if (!kind || !rule) continue;
      const name = ruleNames.get(rule) ?? rule;
      // The SQL: literals of the body that are not expected output (after `@`) nor settings.
      const lits = literals(f.body).filter((l) => {
        const before = f.body.slice(Math.max(0, l.start - 3), l.start);
        const after = f.body.slice(l.end, l.end + 10);
        return !/@\s*$/.test(before) && !/^\s*\.(parse|repeat)/.test(after) && !/expect\(\s*$/.test(f.body.slice(Math.max(0, l.start - 10), l.start)) && !/\bformat!\(\s*$/.test(f.body.slice(Math.max(0, l.start - 12), l.start));
      });
      if (/lock_kinds\(/.test(f.body)) continue; // lock classification tables, not lint cases
      const sqls = lits.map((l) => l.value).filter((v) => /[a-z]/i.test(v) && !/^(Invalid PostgreSQL version)$/.test(v));
      if (sqls.length === 0) {
        skipped.push(`${path} ${f.name} (no SQL literal${/format!\(/.test(f.body) ? ': SQL built with format!' : ''})`);
        continue;
      }
      sqls.forEach((sql, k) => cases.push({ source: 'squawk', rule: name, name: sqls.length > 1 ? `${f.name}#${k + 1}` : f.name, sql, unsafe: kind === 'err', pgVersion: pg, assumeInTransaction: tx }));
    }
  }
  return { cases, skipped, ruleNames };
}

// ---------------------------------------------------------------------------------------------
// Running the two tools.

function squawkBin(): string | undefined {
  if (process.env['SQUAWK_BIN']) return process.env['SQUAWK_BIN'];
  const peers = join(here, '.peers');
  const bin = join(peers, 'node_modules/.bin/squawk');
  if (existsSync(bin)) return bin;
  console.error('installing squawk-cli into bench/.peers (first run only)…');
  mkdirSync(peers, { recursive: true });
  const r = spawnSync('npm', ['install', '--prefix', peers, '--no-audit', '--no-fund', 'squawk-cli@2.66.0'], { stdio: 'inherit' });
  if (!existsSync(join(here, '.gitignore'))) writeFileSync(join(here, '.gitignore'), '.peers/\n');
  return r.status === 0 && existsSync(bin) ? bin : undefined;
}

/** Squawk's rules per case (index), running one squawk process per settings group. */
function runSquawk(bin: string, cases: Case[]): Map<number, Set<string>> | string {
  const dir = mkdtempSync(join(tmpdir(), 'archie-squawk-'));
  const out = new Map<number, Set<string>>();
  try {
    const groups = new Map<string, number[]>();
    cases.forEach((c, i) => {
      const key = `${c.pgVersion}:${c.assumeInTransaction}`;
      groups.set(key, [...(groups.get(key) ?? []), i]);
      out.set(i, new Set());
    });
    for (const [key, idx] of groups) {
      const [pg, tx] = key.split(':');
      const sub = join(dir, key.replace(':', '-'));
      mkdirSync(sub);
      for (const i of idx) writeFileSync(join(sub, `case-${i}.sql`), cases[i]!.sql);
      const argv = ['--reporter', 'json', '--include', 'require-table-schema', `--pg-version=${pg}`, ...(tx === 'true' ? ['--assume-in-transaction'] : []), ...idx.map((i) => join(sub, `case-${i}.sql`))];
      const r = spawnSync(bin, argv, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, cwd: dir });
      if (r.error) return `squawk did not run: ${r.error.message}`;
      let parsed: { file: string; rule_name: string }[];
      try {
        parsed = JSON.parse(r.stdout || '[]');
      } catch {
        return `squawk printed no JSON (exit ${r.status}): ${(r.stderr || r.stdout).slice(0, 300)}`;
      }
      for (const v of parsed) {
        const m = /case-(\d+)\.sql$/.exec(v.file);
        if (m) out.get(Number(m[1]))?.add(v.rule_name);
      }
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function runArchie(cases: Case[]): Promise<{ flagged: Map<number, Set<string>>; parseErrors: number }> {
  const flagged = new Map<number, Set<string>>();
  let parseErrors = 0;
  for (let i = 0; i < cases.length; i++) {
    const c = cases[i]!;
    const options = { pgVersion: c.pgVersion, assumeInTransaction: c.assumeInTransaction };
    const r = await reviewSql([{ path: 'migrations/0002_case.sql', text: c.sql }], sqlRules, options);
    if (r.errors.length > 0) parseErrors++;
    flagged.set(i, new Set(r.findings.map((f) => f.ruleId)));
  }
  return { flagged, parseErrors };
}

// ---------------------------------------------------------------------------------------------

const repo = resolve(process.env['SQUAWK_REPO'] ?? '/work/.mirror/sbdchd+squawk/repo');
const fromRepo = existsSync(repo) && statSync(repo).isDirectory() ? squawkCases(repo) : undefined;
if (!fromRepo) console.log(`Squawk's repository not found at ${repo} (set SQUAWK_REPO): only the ${OWN_CASES.length} own cases are measured.`);
let cases = [...(fromRepo?.cases ?? []), ...OWN_CASES];
if (onlyRule) cases = cases.filter((c) => c.rule === onlyRule);
const archieIds = new Set(sqlRules.map((r) => r.meta.id));

const bin = squawkBin();
const squawk = bin ? runSquawk(bin, cases) : 'squawk-cli is not installed and could not be installed (set SQUAWK_BIN)';
const archie = await runArchie(cases);

const squawkFlags = (c: Case, i: number): boolean | undefined => {
  if (typeof squawk === 'string' || c.rule.startsWith('strong_migrations:')) return undefined;
  const got = squawk.get(i) ?? new Set();
  return [c.rule, ...(SQUAWK_ALIASES[c.rule] ?? [])].some((r) => got.has(r));
};
const archieFlags = (c: Case, i: number): boolean => (MAP[c.rule] ?? []).some((r) => archie.flagged.get(i)?.has(r));

interface Row {
  unsafe: number;
  safe: number;
  aHit: number;
  aFp: number;
  sHit: number;
  sFp: number;
  sRan: boolean;
}
const rows = new Map<string, Row>();
const misses: string[] = [];
cases.forEach((c, i) => {
  const row = rows.get(c.rule) ?? { unsafe: 0, safe: 0, aHit: 0, aFp: 0, sHit: 0, sFp: 0, sRan: false };
  const a = archieFlags(c, i);
  const s = squawkFlags(c, i);
  if (s !== undefined) row.sRan = true;
  if (c.unsafe) {
    row.unsafe++;
    if (a) row.aHit++;
    if (s) row.sHit++;
    if (!a) misses.push(`missed    ${c.source} ${c.rule} ${c.name}: ${c.sql.trim().replace(/\s+/g, ' ').slice(0, 110)}`);
  } else {
    row.safe++;
    if (a) row.aFp++;
    if (s) row.sFp++;
    if (a) misses.push(`false pos ${c.source} ${c.rule} ${c.name} [${[...(archie.flagged.get(i) ?? [])].filter((r) => MAP[c.rule]?.includes(r)).join(',')}]: ${c.sql.trim().replace(/\s+/g, ' ').slice(0, 110)}`);
  }
  rows.set(c.rule, row);
});

const pct = (n: number, d: number): string => (d === 0 ? '    -' : `${((100 * n) / d).toFixed(0).padStart(4)}%`);
const frac = (n: number, d: number, ran = true): string => (!ran ? '      -' : `${String(n).padStart(3)}/${String(d).padEnd(3)}`);
console.log(`\nSQL rule parity on ${cases.length} cases (${fromRepo ? `${fromRepo.cases.length} from Squawk's rule tests, ` : ''}${OWN_CASES.length} own)`);
console.log('rule (Squawk name; archie rules)                          unsafe  archie recall   squawk recall   safe  archie FP     squawk FP');
const total: Row = { unsafe: 0, safe: 0, aHit: 0, aFp: 0, sHit: 0, sFp: 0, sRan: false };
const squawkTotal = { unsafe: 0, safe: 0 };
for (const [rule, r] of [...rows].sort(([a], [b]) => (a < b ? -1 : 1))) {
  const mapped = MAP[rule] ?? [];
  const missing = mapped.filter((m) => !archieIds.has(m));
  const label = `${rule}${missing.length === mapped.length ? ' (no archie rule)' : ''}`;
  console.log(
    `${label.padEnd(58)} ${String(r.unsafe).padStart(5)}  ${frac(r.aHit, r.unsafe)} ${pct(r.aHit, r.unsafe)}  ${frac(r.sHit, r.unsafe, r.sRan)} ${r.sRan ? pct(r.sHit, r.unsafe) : '    -'}  ${String(r.safe).padStart(4)}  ${frac(r.aFp, r.safe)} ${pct(r.aFp, r.safe)}  ${frac(r.sFp, r.safe, r.sRan)} ${r.sRan ? pct(r.sFp, r.safe) : '    -'}`,
  );
  total.unsafe += r.unsafe;
  total.safe += r.safe;
  total.aHit += r.aHit;
  total.aFp += r.aFp;
  if (r.sRan) {
    total.sHit += r.sHit;
    total.sFp += r.sFp;
    squawkTotal.unsafe += r.unsafe;
    squawkTotal.safe += r.safe;
  }
}
console.log(
  `${'total'.padEnd(58)} ${String(total.unsafe).padStart(5)}  ${frac(total.aHit, total.unsafe)} ${pct(total.aHit, total.unsafe)}  ${frac(total.sHit, squawkTotal.unsafe)} ${pct(total.sHit, squawkTotal.unsafe)}  ${String(total.safe).padStart(4)}  ${frac(total.aFp, total.safe)} ${pct(total.aFp, total.safe)}  ${frac(total.sFp, squawkTotal.safe)} ${pct(total.sFp, squawkTotal.safe)}`,
);
if (fromRepo) {
  const sq = cases.map((c, i) => ({ c, i })).filter(({ c }) => c.source === 'squawk');
  const u = sq.filter(({ c }) => c.unsafe);
  const s = sq.filter(({ c }) => !c.unsafe);
  const uh = u.filter(({ c, i }) => archieFlags(c, i)).length;
  const sf = s.filter(({ c, i }) => archieFlags(c, i)).length;
  console.log(`on Squawk's own cases: archie flags ${uh}/${u.length} unsafe (${pct(uh, u.length).trim()}), wrongly flags ${sf}/${s.length} safe (${pct(sf, s.length).trim()})`);
}
const covered = [...new Set(cases.map((c) => c.rule))].filter((r) => (MAP[r] ?? []).some((m) => archieIds.has(m)));
console.log(`rules with an archie counterpart: ${covered.length} of ${new Set(cases.map((c) => c.rule)).size}; archie could not parse ${archie.parseErrors} case(s)`);
if (fromRepo && fromRepo.skipped.length > 0) console.log(`not extracted: ${fromRepo.skipped.length} test(s): ${fromRepo.skipped.join('; ')}`);
if (verbose) for (const m of misses) console.log(m);
if (typeof squawk === 'string') {
  console.log(`squawk: ${squawk}`);
  process.exitCode = 1;
}
