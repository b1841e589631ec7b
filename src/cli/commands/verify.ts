import type { Command } from 'commander';
import { EXIT } from '../../errors.js';
import { action, numberFlag } from '../_run.js';

interface VerifyFlags {
  databaseUrl?: string;
  only?: string;
  rows?: string;
  screenshots?: string;
}

export function register(program: Command): void {
  program
    .command('verify')
    .description('re-check a design folder with real tools: schema in embedded (and real) PostgreSQL, every access pattern uses an index, OpenAPI/AsyncAPI, Compose and Kubernetes schemas, cross-artifact agreement, the HTML report in Chromium')
    .argument('<dir>', 'the folder `archie design --out DIR` wrote (hand edits welcome)')
    .option('--database-url <url>', 'also apply schema.sql to this PostgreSQL, in a scratch database that is dropped afterwards')
    .option('--only <checks>', 'run only these checks (comma-separated ids)')
    .option('--rows <n>', 'rows generated per main table for the EXPLAIN checks (default 100000)')
    .option('--screenshots <dir>', "save the HTML report check's screenshots in this folder")
    .addHelpText(
      'after',
      '\nChecks: design-json, schema-pglite, schema-postgres, migrations, index-usage, openapi, asyncapi, compose, kubernetes, api-tables, pattern-indexes, deploy-agreement, adrs, diagrams, report-html.\n\nExit status: 0 every check passed (or was skipped), 1 a check failed, 2 usage error (e.g. no such directory).\n\nExamples:\n  archie verify out/chat\n  archie verify out/chat --only openapi,compose --json\n  archie verify out/chat --database-url postgres://postgres@127.0.0.1:5432/postgres',
    )
    .action(
      action(async (out, dir: string, flags: VerifyFlags) => {
        const only = flags.only
          ?.split(',')
          .map((s) => s.trim())
          .filter(Boolean);
        const rows = numberFlag('rows', flags.rows, { min: 1_000, max: 10_000_000, integer: true });
        const { verify } = await import('../../verify/index.js');
        const report = await verify(dir, {
          ...(flags.databaseUrl !== undefined && { databaseUrl: flags.databaseUrl }),
          ...(only && { only }),
          ...(rows !== undefined && { rows }),
          ...(flags.screenshots !== undefined && { screenshotDir: flags.screenshots }),
          onProgress: (m) => out.progress(m),
        });
        if (out.json) {
          const { formatJson } = await import('../../verify/format/json.js');
          out.result(formatJson(report));
        } else {
          const { formatText } = await import('../../verify/format/text.js');
          out.result(formatText(report, out.c.isColorSupported ? { color: out.c } : {}));
        }
        return report.ok ? EXIT.OK : EXIT.FINDINGS;
      }),
    );
}
