import type { ValidateFunction } from 'ajv';
import type { Check } from '../_check.js';
import { failed, outcome, plural, skipped, type Evidence } from '../report.js';
import { isFileRead, unreadable } from '../_context.js';
import { requireCjs, schemaErrors } from '../_ajv.js';
import { packageVersion } from '../_pkg.js';
import { brokenLocalRefs } from '../_refs.js';
import { isObject, positionOf } from '../_yaml.js';

const FILE = 'asyncapi.yaml';

/**
 * Validators by AsyncAPI version, compiled once per process. The schemas come from @asyncapi/specs,
 * the package the AsyncAPI parser itself validates with. The parser (@asyncapi/parser) was measured
 * and not used: it works offline on Node 20, but its first parse of a small document takes about
 * 4 s (1.3 s after), pulls in 169 packages (55 MB), and adds Spectral style rules on top of the
 * schema; compiling the schema with Ajv takes about 0.4 s.
 */
const validators = new Map<string, ValidateFunction>();

/** A validator that stops at the first error (fast to compile), or one that collects all (for the report). */
async function validatorFor(version: string, allErrors = false): Promise<ValidateFunction | undefined> {
  const key = `${version}${allErrors ? '+all' : ''}`;
  let v = validators.get(key);
  if (v) return v;
  let schema: object;
  try {
    schema = requireCjs(`@asyncapi/specs/schemas/${version}-without-$id.json`) as object;
  } catch {
    return undefined;
  }
  const { default: Ajv } = (await import('ajv')) as unknown as { default: new (o: object) => { compile(s: object): ValidateFunction } };
  v = new Ajv({ strict: false, allErrors, validateFormats: false }).compile(schema);
  validators.set(key, v);
  return v;
}

type Obj = Record<string, unknown>;

function deref(root: Obj, v: unknown): unknown {
  let cur = v;
  for (let i = 0; i < 10 && isObject(cur) && typeof cur.$ref === 'string' && cur.$ref.startsWith('#/'); i++) {
    let node: unknown = root;
    for (const seg of (cur.$ref as string).slice(2).split('/')) node = isObject(node) ? node[seg.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined;
    cur = node;
  }
  return cur;
}

/** Message names of a channel (the message's `name`, else its key). */
function messageNames(root: Obj, channel: Obj): string[] {
  const out: string[] = [];
  const messages = deref(root, channel.messages);
  if (!isObject(messages)) return out;
  for (const [key, m] of Object.entries(messages)) {
    const msg = deref(root, m);
    out.push(isObject(msg) && typeof msg.name === 'string' ? msg.name : key);
  }
  return out;
}

/** asyncapi.yaml is valid AsyncAPI 3 and names every real-time channel and event of the design. */
export const check: Check = {
  id: 'asyncapi',
  title: 'asyncapi.yaml is valid AsyncAPI 3 and names every channel and event',
  async run(ctx) {
    const load = await ctx.design();
    const d = load.ok ? load.design : undefined;
    const needed = d ? d.api.realtime.length + d.api.events.length > 0 : true;
    const parsed = await ctx.yaml(FILE);
    if (isFileRead(parsed)) {
      if (!needed) return skipped('the design has no real-time channels or events, and there is no asyncapi.yaml');
      return failed(`${FILE} cannot be read`, [unreadable(parsed as Extract<typeof parsed, { ok: false }>, 'the design has real-time channels or events; archie design writes them there')]);
    }
    if (parsed.error) return failed(`${FILE} is not valid YAML`, [{ subject: FILE, ok: false, file: FILE, line: parsed.error.line, column: parsed.error.column, message: `YAML syntax error: ${parsed.error.message}` }]);
    const doc = parsed.docs[0];
    if (!doc || !isObject(doc.value)) return failed(`${FILE} holds no AsyncAPI document`, [{ subject: FILE, ok: false, file: FILE, line: 1, column: 1, message: `${FILE} must hold one YAML mapping (an AsyncAPI document)` }]);
    const spec = doc.value;
    const evidence: Evidence[] = [];
    const version = String(spec.asyncapi ?? '');
    const validate = /^3\.\d+\.\d+$/.test(version) ? await validatorFor(version) : undefined;
    ctx.tools.set('AsyncAPI schema', `@asyncapi/specs ${packageVersion('@asyncapi/specs')} with Ajv`);
    if (!validate) {
      evidence.push({ subject: FILE, ok: false, file: FILE, ...positionOf(parsed, doc, ['asyncapi']), message: `${FILE} declares asyncapi ${JSON.stringify(spec.asyncapi ?? null)}; expected AsyncAPI 3 (3.0.0 or 3.1.0)` });
    } else {
      const t0 = performance.now();
      const ok = validate(structuredClone(spec));
      const ms = performance.now() - t0;
      if (ok) evidence.push({ subject: FILE, ok: true, file: FILE, message: `valid against the AsyncAPI ${version} JSON Schema`, durationMs: ms });
      else {
        const all = (await validatorFor(version, true))!;
        all(structuredClone(spec));
        evidence.push(...schemaErrors(all.errors, parsed, doc, FILE, `AsyncAPI ${version}`));
      }
    }
    evidence.push(...brokenLocalRefs(parsed, doc, FILE));
    if (d) {
      const channels = isObject(spec.channels) ? Object.values(spec.channels).map((c) => deref(spec, c)).filter(isObject) : [];
      const named = (address: string, name: string): boolean => channels.some((c) => c.address === address && messageNames(spec, c).includes(name));
      let missing = 0;
      for (const r of d.api.realtime) {
        if (named(r.address, r.name)) continue;
        missing++;
        evidence.push({ subject: r.name, ok: false, file: FILE, ...positionOf(parsed, doc, ['channels']), message: `real-time message ${r.name} on ${r.address} is in the design but no channel with address ${r.address} carries a message named ${r.name}` });
      }
      for (const e of d.api.events) {
        if (named(e.channel, e.name)) continue;
        missing++;
        evidence.push({ subject: e.name, ok: false, file: FILE, ...positionOf(parsed, doc, ['channels']), message: `event ${e.name} is in the design but no channel with address ${e.channel} carries a message named ${e.name}` });
      }
      if (missing === 0) {
        evidence.push({ subject: 'channels', ok: true, file: FILE, message: `names all ${plural(d.api.realtime.length, 'real-time message')} and ${plural(d.api.events.length, 'event')} of the design on their channels` });
      }
    }
    return outcome(evidence, { passed: `${FILE} is valid AsyncAPI ${version} and names every channel and event`, failed: (n) => `${FILE} has ${plural(n, 'problem')}` }, 'fix the value at the line shown, or regenerate the file with archie design');
  },
};
