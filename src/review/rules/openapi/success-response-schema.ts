import { isObj } from '../../openapi/model.js';
import { defineRule } from '../../openapi/rule.js';
import { contentSchemas } from './_checks.js';

/** Statuses that carry no body by definition or convention. */
const BODYLESS = new Set(['202', '204', '205', '304']);

export default defineRule(
  {
    name: 'success-response-schema',
    severity: 'warning',
    summary: '2xx responses with a body define its schema; bodiless success uses 204.',
  },
  ({ input, report }) => {
    const seen = new Set<unknown>();
    for (const op of input.operations) {
      if (op.method === 'head' || op.method === 'options') continue;
      for (const r of op.responses) {
        if (!r.status.startsWith('2') || BODYLESS.has(r.status) || seen.has(r.node.value)) continue;
        seen.add(r.node.value);
        const content = r.node.value.content;
        if (!isObj(content) || Object.keys(content).length === 0) {
          report(r.node, `${r.status} response (${op.label}) describes no body: define its content, or use 204 if there is none`);
          continue;
        }
        for (const c of contentSchemas(input, r.node)) {
          if (!c.schema && !/^(text\/|application\/octet-stream|\*\/\*|image\/|audio\/|video\/)/i.test(c.mediaType)) {
            report(c.media, `${r.status} response (${op.label}) has ${c.mediaType} content without a schema`, { fix: { description: 'add the schema of the response body' } });
          }
        }
      }
    }
  },
);
