import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';
import { ArchieError } from '../errors.js';
import { readTextFile } from '../util/input.js';
import { parseYaml } from '../util/parse.js';

/**
 * `.archie.yaml`: which review rules run and how loud they are.
 *
 * ```yaml
 * rules:
 *   openapi/integer-bounds: off        # turn a rule off
 *   openapi/pagination: error          # change its severity
 * ignore:
 *   - generated/**                     # paths (relative to this file) never reviewed
 * limits:
 *   maxFileMiB: 32                     # larger files are reported, not read
 * sql:
 *   pgVersion: 13                      # oldest PostgreSQL the migrations run on (default 15)
 *   assumeInTransaction: true          # the migration tool wraps every file in a transaction
 * ```
 */
export const RuleSettingSchema = z.enum(['off', 'error', 'warning', 'info']);
export type RuleSetting = z.infer<typeof RuleSettingSchema>;

export const ReviewConfigSchema = z.strictObject({
  rules: z.record(z.string().regex(/^[a-z]+\/[a-z0-9-]+$/, 'a rule id looks like openapi/operation-id'), RuleSettingSchema).default({}),
  ignore: z.array(z.string().min(1)).default([]),
  limits: z
    .strictObject({
      maxFileMiB: z.number().positive().max(1024).default(32),
    })
    .default({ maxFileMiB: 32 }),
  sql: z
    .strictObject({
      pgVersion: z.number().int('a PostgreSQL major version such as 15').min(9, 'PostgreSQL 9 or later').max(30, 'a PostgreSQL major version such as 15').optional(),
      assumeInTransaction: z.boolean().optional(),
    })
    .default({}),
});

export type ReviewConfigInput = z.input<typeof ReviewConfigSchema>;

export interface ReviewConfig extends z.infer<typeof ReviewConfigSchema> {
  /** Directory that `ignore` patterns are relative to. */
  baseDir: string;
  /** Where it was read from, for messages. */
  source: string | undefined;
}

export const CONFIG_FILE_NAMES = ['.archie.yaml', '.archie.yml'];

/** Validate a config object; errors name the field (`rules.openapi/x`, `limits.maxFileMiB`). */
export function parseConfig(value: unknown, baseDir: string, source?: string): ReviewConfig {
  const r = ReviewConfigSchema.safeParse(value ?? {});
  if (!r.success) {
    const issue = r.error.issues[0]!;
    const keys = issue.code === 'unrecognized_keys' ? (issue as { keys?: string[] }).keys ?? [] : [];
    const field = [...issue.path.map(String), ...keys.slice(0, 1)].join('.') || '(top level)';
    const known = 'known fields: rules, ignore, limits.maxFileMiB, sql.pgVersion, sql.assumeInTransaction';
    throw new ArchieError('INVALID', `${source ?? 'review config'}: ${field}: ${issue.code === 'unrecognized_keys' ? 'unknown field' : issue.message}`, {
      path: source,
      hint: issue.code === 'unrecognized_keys' ? known : issue.path[0] === 'rules' ? 'a rule setting is off, error, warning or info' : known,
    });
  }
  return { ...r.data, baseDir, source };
}

/**
 * Load the review config: the given file (which must exist), else `.archie.yaml` in `cwd` if there
 * is one, else defaults.
 */
export async function loadConfig(cwd: string, explicit?: string): Promise<ReviewConfig> {
  let file: string | undefined;
  if (explicit !== undefined) {
    file = resolve(cwd, explicit);
    if (!existsSync(file)) throw new ArchieError('INPUT', `config file not found: ${explicit}`, { path: explicit, hint: 'check the --config path' });
  } else {
    file = CONFIG_FILE_NAMES.map((n) => resolve(cwd, n)).find((f) => existsSync(f));
  }
  if (!file) return parseConfig({}, cwd);
  const shown = explicit ?? file.slice(cwd.length + 1);
  const text = await readTextFile(file, { maxBytes: 1024 * 1024, what: 'config file', allowEmpty: true });
  const { value } = parseYaml(text, { path: shown, label: shown, maxAliasCount: 100 });
  return parseConfig(value, dirname(file), shown);
}

/**
 * Compile a glob (`**` any depth, `*` within a segment, `?` one character) to a RegExp over
 * `/`-separated relative paths. A pattern without `/` matches a name at any depth, like .gitignore.
 */
export function globToRegExp(glob: string): RegExp {
  let g = glob.replace(/\\/g, '/').replace(/^\.\//, '');
  const anchored = g.includes('/') && !g.endsWith('/') ? true : g.slice(0, -1).includes('/');
  if (g.endsWith('/')) g += '**';
  let re = '';
  for (let i = 0; i < g.length; i++) {
    const c = g[i]!;
    if (c === '*') {
      if (g[i + 1] === '*') {
        const slash = g[i + 2] === '/';
        re += slash ? '(?:.*/)?' : '.*';
        i += slash ? 2 : 1;
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(anchored || g.startsWith('/') ? `^${re.replace(/^\//, '')}(?:/.*)?$` : `(?:^|/)${re}(?:/.*)?$`);
}
