import type { Check } from '../_check.js';
import { failed, outcome, plural, type Evidence } from '../report.js';
import { isFileRead, unreadable } from '../_context.js';
import { brokenLocalRefs } from '../_refs.js';
import { packageVersion } from '../_pkg.js';
import { isObject, pointerToPath, positionOf } from '../_yaml.js';

const FILE = 'openapi.yaml';

interface AjvError {
  instancePath?: string;
  message?: string;
  params?: Record<string, unknown>;
}

/**
 * openapi.yaml is valid OpenAPI 3.1 according to @seriousme/openapi-schema-validator (the
 * OpenAPI Initiative's JSON Schemas), its local references resolve, and every endpoint of the
 * design appears with its method, path and operationId.
 */
export const check: Check = {
  id: 'openapi',
  title: 'openapi.yaml is valid OpenAPI 3.1 and lists every endpoint',
  async run(ctx) {
    const parsed = await ctx.yaml(FILE);
    if (isFileRead(parsed)) return failed(`${FILE} cannot be read`, [unreadable(parsed as Extract<typeof parsed, { ok: false }>, 'archie design writes it from the API design')]);
    if (parsed.error) {
      return failed(`${FILE} is not valid YAML`, [{ subject: FILE, ok: false, file: FILE, line: parsed.error.line, column: parsed.error.column, message: `YAML syntax error: ${parsed.error.message}` }]);
    }
    const doc = parsed.docs[0];
    if (!doc || !isObject(doc.value)) return failed(`${FILE} holds no OpenAPI document`, [{ subject: FILE, ok: false, file: FILE, line: 1, column: 1, message: `${FILE} must hold one YAML mapping (an OpenAPI document)` }]);
    const spec = doc.value;
    const evidence: Evidence[] = [];
    const version = String(spec.openapi ?? '');
    if (!/^3\.1\.\d+$/.test(version)) {
      evidence.push({ subject: FILE, ok: false, file: FILE, ...positionOf(parsed, doc, ['openapi']), message: `${FILE} declares openapi ${JSON.stringify(spec.openapi ?? null)}; archie's contract is OpenAPI 3.1 (openapi: 3.1.x)` });
    }
    const { Validator } = await import('@seriousme/openapi-schema-validator');
    const validator = new Validator();
    const t0 = performance.now();
    const res = (await validator.validate(structuredClone(spec))) as { valid: boolean; errors?: AjvError[] | string };
    const ms = performance.now() - t0;
    ctx.tools.set('OpenAPI validator', `@seriousme/openapi-schema-validator ${packageVersion('@seriousme/openapi-schema-validator')}`);
    if (res.valid) {
      evidence.push({ subject: FILE, ok: true, file: FILE, message: `valid OpenAPI ${validator.version ?? version} per @seriousme/openapi-schema-validator`, durationMs: ms });
    } else {
      const errors = Array.isArray(res.errors) ? res.errors : [{ message: String(res.errors) }];
      for (const err of errors.slice(0, 10)) {
        const path = pointerToPath(err.instancePath ?? '');
        const extra = err.params && 'additionalProperty' in err.params ? ` (${String(err.params.additionalProperty)})` : err.params && 'allowedValues' in err.params ? ` (${(err.params.allowedValues as unknown[]).join(', ')})` : '';
        evidence.push({
          subject: err.instancePath || '/',
          ok: false,
          file: FILE,
          ...positionOf(parsed, doc, path),
          message: `not valid OpenAPI 3.1 at ${err.instancePath || '/'}: ${err.message ?? 'invalid'}${extra}`,
        });
      }
    }
    evidence.push(...brokenLocalRefs(parsed, doc, FILE));
    const load = await ctx.design();
    if (load.ok) {
      const d = load.design;
      const paths = isObject(spec.paths) ? spec.paths : {};
      // Paths may be written with the version prefix or under a server URL that carries it.
      const base = d.api.basePath.replace(/\/$/, '');
      let missing = 0;
      for (const ep of d.api.endpoints) {
        const method = ep.method.toLowerCase();
        const candidates = [ep.path, base && ep.path.startsWith(`${base}/`) ? ep.path.slice(base.length) : undefined].filter((p): p is string => p !== undefined);
        const key = candidates.find((p) => isObject(paths[p]) && isObject((paths[p] as Record<string, unknown>)[method]));
        if (!key) {
          missing++;
          evidence.push({ subject: ep.operationId, ok: false, file: FILE, ...positionOf(parsed, doc, ['paths', ep.path]), message: `${ep.method} ${ep.path} (${ep.operationId}) is in the design but not in ${FILE}` });
          continue;
        }
        const op = (paths[key] as Record<string, Record<string, unknown>>)[method]!;
        if (op.operationId !== ep.operationId) {
          missing++;
          evidence.push({ subject: ep.operationId, ok: false, file: FILE, ...positionOf(parsed, doc, ['paths', key, method, 'operationId']), message: `${ep.method} ${ep.path} has operationId ${JSON.stringify(op.operationId ?? null)}; the design calls it ${ep.operationId}` });
        }
      }
      if (missing === 0) evidence.push({ subject: 'endpoints', ok: true, file: FILE, message: `all ${plural(d.api.endpoints.length, 'endpoint')} of the design are in ${FILE} with their method, path and operationId` });
    } else {
      evidence.push({ subject: 'endpoints', ok: true, message: 'endpoint coverage not checked: design.json is not usable (see the design-json check)' });
    }
    return outcome(evidence, { passed: `${FILE} is valid OpenAPI ${version} and lists every endpoint of the design`, failed: (n) => `${FILE} has ${plural(n, 'problem')}` }, 'fix the value at the line shown, or regenerate the file with archie design');
  },
};
