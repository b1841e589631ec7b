import type { Command } from 'commander';
import { ArchieError, EXIT } from '../../errors.js';
import type { Severity } from '../../model/finding.js';
import { action, numberFlag } from '../_run.js';

interface ReviewFlags {
  format?: string;
  failOn: string;
  config?: string;
  base?: string;
  docsUrl?: string;
  pgVersion?: string;
  assumeInTransaction?: boolean;
}

const FORMATS = ['text', 'json', 'sarif'];
const SEVERITIES = ['error', 'warning', 'info'];

export function register(program: Command): void {
  program
    .command('review')
    .description('audit OpenAPI descriptions, SQL schemas/migrations and Kubernetes/Compose manifests')
    .argument('<paths...>', 'files or directories to review')
    .option('-f, --format <format>', 'output format: text, json or sarif (default: text; --json means json)')
    .option('--fail-on <severity>', 'exit 1 when a finding is at or above this severity: error, warning or info', 'error')
    .option('-c, --config <file>', 'review config (default: .archie.yaml in the current directory)')
    .option('--base <file>', 'compare an OpenAPI description against this older version and report breaking changes')
    .option('--pg-version <n>', 'oldest PostgreSQL major version the SQL migrations run on (default 15)')
    .option('--assume-in-transaction', 'the migration tool runs every SQL file inside a transaction')
    .option('--docs-url <url>', 'where your team publishes archie\'s rule docs (docs/rules/...); SARIF then links each rule to its page')
    .addHelpText(
      'after',
      '\nExit status: 0 nothing at or above --fail-on, 1 findings, 2 usage or input error.\n\nExamples:\n  archie review openapi.yaml db/migrations k8s/\n  archie review . --format sarif > archie.sarif\n  archie review db/migrations --pg-version 12 --assume-in-transaction\n  archie review --base v1/openapi.yaml v2/openapi.yaml',
    )
    .action(
      action(async (out, paths: string[], flags: ReviewFlags) => {
        if (flags.format !== undefined && !FORMATS.includes(flags.format)) {
          throw new ArchieError('USAGE', `--format must be text, json or sarif, got "${flags.format}"`);
        }
        if (out.json && flags.format !== undefined && flags.format !== 'json') {
          throw new ArchieError('USAGE', `--json and --format ${flags.format} contradict each other`, { hint: 'use one of them' });
        }
        if (!SEVERITIES.includes(flags.failOn)) throw new ArchieError('USAGE', `--fail-on must be error, warning or info, got "${flags.failOn}"`);
        if (flags.base !== undefined && paths.length !== 1) {
          throw new ArchieError('USAGE', `--base compares two OpenAPI files: give exactly one new file after it, got ${paths.length}`, {
            hint: 'archie review --base old.yaml new.yaml',
          });
        }
        // Digits only: Number() would also read "0x10" and "1e1" as versions.
        if (flags.pgVersion !== undefined && !/^\d+$/.test(flags.pgVersion.trim())) {
          throw new ArchieError('USAGE', `--pg-version must be a PostgreSQL major version such as 15, got "${flags.pgVersion}"`);
        }
        const pgVersion = numberFlag('pg-version', flags.pgVersion, { min: 9, max: 30, integer: true });
        const sql = { ...(pgVersion !== undefined && { pgVersion }), ...(flags.assumeInTransaction === true && { assumeInTransaction: true }) };
        if (flags.base !== undefined && Object.keys(sql).length > 0) {
          throw new ArchieError('USAGE', `--${pgVersion !== undefined ? 'pg-version' : 'assume-in-transaction'} is about SQL migrations; --base compares two OpenAPI descriptions`, {
            hint: 'review the SQL files in a run without --base',
          });
        }
        const format = (flags.format ?? (out.json ? 'json' : 'text')) as 'text' | 'json' | 'sarif';
        const failOn = flags.failOn as Severity;
        const lib = await import('../../review/index.js');
        const { FORMATTERS } = await import('../../review/format/index.js');
        const onProgress = (m: string): void => out.progress(m);
        const result =
          flags.base !== undefined
            ? await lib.reviewDiff(flags.base, paths[0]!, { ...(flags.config !== undefined && { configPath: flags.config }), onProgress })
            : await lib.review(paths, { ...(flags.config !== undefined && { configPath: flags.config }), ...(Object.keys(sql).length > 0 && { sql }), onProgress });
        if (flags.docsUrl !== undefined && !/^https?:\/\/\S+$/.test(flags.docsUrl)) throw new ArchieError('USAGE', `--docs-url must be an http(s) URL, got "${flags.docsUrl}"`);
        out.result(FORMATTERS[format](result, { color: format === 'text' && out.c.isColorSupported, failOn, ...(flags.docsUrl !== undefined && { docsBaseUrl: flags.docsUrl }) }));
        if (result.errors.length > 0) return EXIT.ERROR;
        return lib.hasFindingsAtOrAbove(result, failOn) ? EXIT.FINDINGS : EXIT.OK;
      }),
    );
}
