import { isObj, type Obj } from '../../openapi/model.js';
import type { NodeRef } from '../../openapi/workspace.js';
import { defineRule } from '../../openapi/rule.js';
import { hasType, isEnumerated, normName } from './_checks.js';

const SORT_PARAMS = new Set(['sort', 'sortby', 'orderby', 'order', 'direction', 'sortorder', 'sortdirection', 'sortfield', 'ordering']);


export default defineRule(
  {
    name: 'sort-param-constrained',
    severity: 'warning',
    summary: 'Sort and order parameters list the allowed values (enum or pattern).',
    references: ['OWASP API4:2023 Unrestricted Resource Consumption'],
  },
  ({ input, report }) => {
    const seen = new Set<unknown>();
    for (const op of input.operations) {
      for (const p of op.parameters) {
        if (p.in !== 'query' || !p.schema || !SORT_PARAMS.has(normName(p.name)) || seen.has(p.node.value)) continue;
        seen.add(p.node.value);
        const s = p.schema.value;
        const constrained = (n: NodeRef<Obj>): boolean => isEnumerated(input, n) || typeof n.value.pattern === 'string';
        if (constrained(p.schema)) continue;
        if (hasType(s, 'array')) {
          const items = input.child<Obj>(p.schema, 'items');
          if (items && isObj(items.value) && constrained(items)) continue;
        }
        if (!hasType(s, 'string') && !hasType(s, 'array')) continue;
        report(p.node, `sort parameter "${p.name}" (${op.label}) accepts any string: clients cannot tell which fields sort, and unindexed sorts become possible`, {
          fix: { description: 'list the sortable fields', code: 'schema:\n  type: string\n  enum: [created_at, -created_at, name, -name]', language: 'yaml' },
        });
      }
    }
  },
);
