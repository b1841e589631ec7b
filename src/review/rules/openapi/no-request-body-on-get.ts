import { isObj } from '../../openapi/model.js';
import { defineRule } from '../../openapi/rule.js';
import { contentSchemas } from './_checks.js';

export default defineRule(
  {
    name: 'no-request-body-on-get',
    severity: 'warning',
    summary: 'GET and HEAD operations take no request body (caches, proxies and clients drop it).',
    references: ['RFC 9110 §9.3.1'],
  },
  ({ input, report }) => {
    for (const op of input.operations) {
      if ((op.method === 'get' || op.method === 'head') && op.requestBody) {
        // An empty closed object (`properties: {}`, no extra properties) declares that there is no body.
        const bodies = contentSchemas(input, op.requestBody);
        const empty = bodies.every((b) => b.schema && isObj(b.schema.value.properties) && Object.keys(b.schema.value.properties).length === 0 && b.schema.value.additionalProperties === false);
        if (bodies.length > 0 && empty) continue;
        report({ doc: op.node.doc, path: [...op.node.path, 'requestBody'], value: op.requestBody.value }, `${op.label} has a request body; its content has no defined meaning for ${op.method.toUpperCase()}`, {
          fix: { description: 'move the input to query parameters, or make it a POST (e.g. POST /search)' },
        });
      }
    }
  },
);
