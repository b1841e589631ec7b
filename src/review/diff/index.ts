import { dirname, resolve } from 'node:path';
import type { Finding } from '../../model/finding.js';
import { MiB, readTextFile } from '../../util/input.js';
import { displayPath } from '../discover.js';
import { loadOpenApi, toFileError } from '../openapi/index.js';
import type { OpenApiInput } from '../openapi/model.js';
import { Workspace } from '../openapi/workspace.js';
import { diffRules } from '../rules/openapi/index.js';
import { finish, type ReviewResult, type RunOptions } from '../runner.js';
import type { FileError } from '../types.js';
import { buildDiff } from './model.js';

export { buildDiff, type DiffInput } from './model.js';

/** Load both versions, run the breaking-change rules, and apply config and suppressions. */
export async function runDiff(base: string, head: string, options: RunOptions): Promise<ReviewResult> {
  const { cwd, config } = options;
  const maxBytes = Math.round(config.limits.maxFileMiB * MiB);
  const errors: FileError[] = [];
  const load = async (p: string): Promise<{ input: OpenApiInput; ws: Workspace } | undefined> => {
    const abs = resolve(cwd, p);
    const ws = new Workspace({ roots: [dirname(abs)], cwd, maxBytes });
    const display = displayPath(cwd, abs);
    try {
      const text = await readTextFile(abs, { maxBytes, what: 'OpenAPI document', display, sizeHint: 'raise limits.maxFileMiB in .archie.yaml if this file really is that large' });
      return { input: loadOpenApi(ws, abs, text), ws };
    } catch (e) {
      errors.push(toFileError(display, e));
      return undefined;
    }
  };
  options.onProgress?.(`comparing ${base} → ${head}`);
  const b = await load(base);
  const h = await load(head);
  const findings: Finding[] = [];
  if (b && h) {
    const diff = buildDiff(b.input, h.input);
    for (const rule of diffRules) {
      try {
        findings.push(...rule.check(diff));
      } catch (e) {
        errors.push({ file: h.input.doc.display, message: `rule ${rule.meta.id} failed: ${(e as Error).message} (a bug in archie; please report it with these files)` });
      }
    }
  }
  const sources = [...(b?.ws.docs.values() ?? []), ...(h?.ws.docs.values() ?? [])];
  const texts = new Map(sources.map((s) => [s.display, s.text]));
  const files = [b, h].filter((x) => x !== undefined).map((x) => ({ path: x.input.doc.display, kind: 'openapi' as const }));
  const result = finish(findings, errors, files, texts, sources, config);
  // The rule list of a diff run is the diff rules (plus the runner's own), not every domain's.
  result.rules = result.rules.filter((r) => r.id.startsWith('openapi/diff-') || r.domain === 'core');
  return result;
}
