import { isArchieError } from '../../errors.js';
import type { Finding } from '../../model/finding.js';
import { MiB } from '../../util/input.js';
import { rules as openApiRules } from '../rules/openapi/index.js';
import type { DomainResult, FileError, Rule } from '../types.js';
import { isObj, OpenApiInput } from './model.js';
import { parseSource, type SourceDoc } from './source.js';
import { specVersionOf } from './structure.js';
import { Workspace } from './workspace.js';

export { OpenApiInput } from './model.js';
export type { SourceDoc } from './source.js';

export interface OpenApiReviewOptions {
  /** Working directory, for display paths. */
  cwd: string;
  /** Absolute directories `$ref` may read from (the reviewed tree). */
  roots: string[];
  maxBytes?: number;
  rules?: readonly Rule<OpenApiInput>[];
}

export interface OpenApiDomainResult extends DomainResult {
  /** Every file parsed (roots and `$ref` targets), for suppression comments. */
  sources: SourceDoc[];
}

/** Parse a root document and check it is Swagger 2.0 or OpenAPI 3.0–3.2; throws otherwise. */
export function loadOpenApi(ws: Workspace, file: string, text: string): OpenApiInput {
  const doc = parseSource(file, ws.display(file), text);
  ws.add(doc);
  const v = isObj(doc.value) ? doc.value : undefined;
  if (!v || specVersionOf(v) === undefined) {
    const what = v && v.swagger !== undefined ? `Swagger ${String(v.swagger)}` : v && v.openapi !== undefined ? `OpenAPI ${String(v.openapi)}` : 'not an OpenAPI document';
    throw new InputProblem(`${doc.display} is ${what}; archie reviews Swagger 2.0 and OpenAPI 3.0, 3.1 and 3.2`, 'give the version in `openapi: 3.1.0` (or `swagger: "2.0"`) at the top of the file');
  }
  return new OpenApiInput(ws, doc);
}

class InputProblem extends Error {
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
  }
}

/**
 * Review OpenAPI root documents. Each root is parsed, its `$ref`s resolved lazily inside the
 * reviewed tree, and every rule run over it. A file that cannot be read or parsed, or a rule that
 * fails, becomes a FileError; the other files are still reviewed.
 */
export async function reviewOpenApi(files: { path: string; text: string }[], options: OpenApiReviewOptions): Promise<OpenApiDomainResult> {
  const ws = new Workspace({ roots: options.roots, cwd: options.cwd, maxBytes: options.maxBytes ?? 32 * MiB });
  const rules = options.rules ?? openApiRules;
  const findings: Finding[] = [];
  const errors: FileError[] = [];
  const reviewed: string[] = [];
  for (const f of files) {
    let input: OpenApiInput;
    try {
      input = loadOpenApi(ws, f.path, f.text);
    } catch (e) {
      errors.push(toFileError(ws.display(f.path), e));
      continue;
    }
    reviewed.push(input.doc.display);
    await ws.prefetch(input.doc);
    for (const rule of rules) {
      try {
        for (const f of rule.check(input)) findings.push(f); // push(...) overflows the stack past ~100k
      } catch (e) {
        errors.push({ file: input.doc.display, message: `rule ${rule.meta.id} failed: ${(e as Error).message} (a bug in archie; please report it with this file)` });
      }
    }
  }
  return { findings, errors, files: reviewed, sources: [...ws.docs.values()] };
}

export function toFileError(file: string, e: unknown): FileError {
  if (isArchieError(e)) {
    return { file, message: e.hint ? `${e.message} (${e.hint})` : e.message, ...(e.line !== undefined && { line: e.line }), ...(e.column !== undefined && { column: e.column }) };
  }
  if (e instanceof InputProblem) return { file, message: `${e.message} (${e.hint})` };
  if (e instanceof RangeError) return { file, message: `${file} is nested too deeply to review (${e.message})` };
  return { file, message: (e as Error).message };
}
