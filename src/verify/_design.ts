import { isArchieError } from '../errors.js';
import { DesignSchema, SCHEMA_VERSION } from '../model/design.js';
import { parseJson } from '../util/parse.js';
import type { Evidence } from './report.js';
import { unreadable, type DesignLoad, type VerifyContext } from './_context.js';
import { parseYamlFile, positionOf } from './_yaml.js';

export const DESIGN_FILE = 'design.json';

/**
 * design.json: valid JSON, the schemaVersion this archie reads, and the zod model. Problems come
 * back as evidence with the line of the offending value.
 */
export async function loadDesign(ctx: VerifyContext): Promise<DesignLoad> {
  const f = await ctx.read(DESIGN_FILE);
  if (!f.ok) return { ok: false, evidence: [unreadable(f, 'it is the model every other artifact is checked against')] };
  let value: unknown;
  try {
    value = parseJson(f.text, { path: DESIGN_FILE, label: DESIGN_FILE });
  } catch (e) {
    if (!isArchieError(e)) throw e;
    const message = e.message.replace(/^design\.json is /, '');
    const pos = e.line !== undefined ? { line: e.line, ...(e.column !== undefined && { column: e.column }) } : {};
    return { ok: false, evidence: [{ subject: DESIGN_FILE, ok: false, file: DESIGN_FILE, ...pos, message }] };
  }
  // Positions only matter when something is wrong: parse for them lazily.
  let yaml: ReturnType<typeof parseYamlFile> | undefined;
  const where = (path: readonly (string | number)[]): { line?: number; column?: number } => {
    yaml ??= parseYamlFile(f.text, DESIGN_FILE, Infinity);
    const doc = yaml.docs[0];
    return doc ? positionOf(yaml, doc, path) : {};
  };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, evidence: [{ subject: DESIGN_FILE, ok: false, file: DESIGN_FILE, line: 1, column: 1, message: 'design.json must hold a JSON object (the design)' }] };
  }
  const version = (value as Record<string, unknown>).schemaVersion;
  if (version !== SCHEMA_VERSION) {
    const shown = version === undefined ? 'no schemaVersion' : `schemaVersion ${JSON.stringify(version)}`;
    return {
      ok: false,
      wrongVersion: true,
      evidence: [
        {
          subject: DESIGN_FILE,
          ok: false,
          file: DESIGN_FILE,
          ...where(['schemaVersion']),
          message: `design.json has ${shown}; this archie reads schemaVersion ${SCHEMA_VERSION}`,
        },
      ],
    };
  }
  const parsed = DesignSchema.safeParse(value);
  if (!parsed.success) {
    const evidence: Evidence[] = parsed.error.issues.slice(0, 20).map((issue) => {
      const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
      return {
        subject: path.length ? path.join('.') : DESIGN_FILE,
        ok: false,
        file: DESIGN_FILE,
        ...where(path),
        message: `${path.length ? `${path.join('.')}: ` : ''}${issue.message}`,
      };
    });
    if (parsed.error.issues.length > 20) {
      evidence.push({ subject: DESIGN_FILE, ok: false, file: DESIGN_FILE, message: `… and ${parsed.error.issues.length - 20} more problems` });
    }
    return { ok: false, evidence };
  }
  return { ok: true, design: parsed.data };
}

/** Line and column of a value in design.json (for evidence about a design element); {} when unknown. */
export async function designPosition(ctx: VerifyContext, path: readonly (string | number)[]): Promise<{ line?: number; column?: number }> {
  const f = await ctx.read(DESIGN_FILE);
  if (!f.ok) return {};
  const yaml = parseYamlFile(f.text, DESIGN_FILE, Infinity);
  const doc = yaml.docs[0];
  return doc ? positionOf(yaml, doc, path) : {};
}
