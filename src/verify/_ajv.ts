import { createRequire } from 'node:module';
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { Evidence } from './report.js';
import { pointerToPath, positionOf, type YamlDoc, type YamlFile } from './_yaml.js';
import { byCodeUnit } from '../util/compare.js';

export const requireCjs = createRequire(import.meta.url);

/**
 * Schema validation errors as evidence, the most useful first: the noise a failed `oneOf` makes
 * (every branch's complaint, "must have required property '$ref'") is dropped when a deeper,
 * specific error explains it.
 */
export function schemaErrors(errors: readonly ErrorObject[] | null | undefined, file: YamlFile, doc: YamlDoc, rel: string, what: string, limit = 8): Evidence[] {
  const list = [...(errors ?? [])];
  const specific = list.filter((e) => e.keyword !== 'oneOf' && e.keyword !== 'anyOf' && !(e.keyword === 'required' && (e.params as { missingProperty?: string }).missingProperty === '$ref'));
  const chosen = (specific.length ? specific : list).sort((a, b) => b.instancePath.split('/').length - a.instancePath.split('/').length || byCodeUnit(a.instancePath, b.instancePath));
  const seen = new Set<string>();
  const out: Evidence[] = [];
  for (const e of chosen) {
    const key = `${e.instancePath} ${e.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const params = e.params as Record<string, unknown>;
    const extra =
      'additionalProperty' in params ? `: ${String(params.additionalProperty)}` : 'allowedValues' in params ? ` (${(params.allowedValues as unknown[]).map(String).join(', ')})` : '';
    out.push({ subject: e.instancePath || '/', ok: false, file: rel, ...positionOf(file, doc, pointerToPath(e.instancePath)), message: `not valid ${what} at ${e.instancePath || '/'}: ${e.message ?? e.keyword}${extra}` });
    if (out.length >= limit) break;
  }
  return out;
}

export type { ValidateFunction };
