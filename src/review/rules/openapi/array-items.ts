import { ALL_VERSIONS, defineRule } from '../../openapi/rule.js';

export default defineRule(
  {
    name: 'array-items',
    severity: 'warning',
    summary: 'A schema of type array says what its items are (items, or prefixItems in 3.1+).',
    versions: ALL_VERSIONS,
  },
  ({ input, report }) => {
    for (const s of input.schemas()) {
      const v = s.value;
      const t = v.type;
      const isArray = t === 'array' || (Array.isArray(t) && t.includes('array'));
      if (!isArray || v.items !== undefined || v.prefixItems !== undefined) continue;
      report(s, 'a schema of type array has no items: clients and generated code cannot tell what the array holds', {
        fix: { description: 'say what the items are', code: 'items: {type: string}', language: 'yaml' },
      });
    }
  },
);
