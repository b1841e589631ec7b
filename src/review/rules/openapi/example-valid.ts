import { checkExamples } from '../../openapi/examples.js';
import { defineRule } from '../../openapi/rule.js';

export default defineRule(
  {
    name: 'example-valid',
    severity: 'warning',
    summary: 'Examples (of media types, parameters, headers and schemas) are valid against their schemas.',
    references: ['OpenAPI Specification 3.x, Example Object and Schema Object'],
  },
  ({ input, report }) => {
    for (const p of checkExamples(input)) {
      const shown = p.errors.slice(0, 3).join('; ');
      const more = p.errors.length > 3 ? ` (and ${p.errors.length - 3} more)` : '';
      report(p.node, `${p.subject === 'the schema' ? 'the schema example' : `example of ${p.subject}`} does not match its schema: ${shown}${more}`, {
        evidence: { errors: p.errors.length },
        fix: { description: 'correct the example, or the schema if the example shows what the API really does' },
      });
    }
  },
);
