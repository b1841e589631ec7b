import { defineRule } from '../../openapi/rule.js';
import { hasType, normName } from './_checks.js';

const SIZE_PARAMS = new Set(['limit', 'pagesize', 'perpage', 'size', 'maxresults', 'top', 'first', 'last', 'count', 'pagelimit']);

export default defineRule(
  {
    name: 'pagination-limit-bounded',
    severity: 'warning',
    summary: 'Page-size parameters (limit, per_page, page_size…) declare a maximum.',
    references: ['OWASP API4:2023 Unrestricted Resource Consumption'],
  },
  ({ input, report }) => {
    const seen = new Set<unknown>();
    for (const op of input.operations) {
      for (const p of op.parameters) {
        if (p.in !== 'query' || !p.schema || !SIZE_PARAMS.has(normName(p.name)) || seen.has(p.node.value)) continue;
        seen.add(p.node.value);
        const s = p.schema.value;
        if (!hasType(s, 'integer') && !hasType(s, 'number')) continue;
        if (typeof s.maximum === 'number' || typeof s.exclusiveMaximum === 'number' || Array.isArray(s.enum)) continue;
        report(p.node, `page-size parameter "${p.name}" (${op.label}) has no maximum: one request can ask for every row`, {
          fix: { description: 'bound it', code: 'schema:\n  type: integer\n  minimum: 1\n  maximum: 100', language: 'yaml' },
        });
      }
    }
  },
);
