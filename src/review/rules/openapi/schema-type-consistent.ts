import { defineRule } from '../../openapi/rule.js';
import { schemaTypes } from './_checks.js';

const ARRAY_ONLY = ['items', 'prefixItems', 'minItems', 'maxItems', 'uniqueItems', 'contains'];
const OBJECT_ONLY = ['properties', 'additionalProperties', 'minProperties', 'maxProperties', 'patternProperties', 'required'];

export default defineRule(
  {
    name: 'schema-type-consistent',
    severity: 'warning',
    summary: 'Schema keywords fit the type (no items on an object, no properties on an array), 3.0 nullable has a type, and 3.1 bounds are not given twice.',
  },
  ({ input, report }) => {
    for (const s of input.schemas()) {
      const v = s.value;
      const t = v.type;
      const types = typeof t === 'string' ? [t] : Array.isArray(t) ? t.filter((x): x is string => typeof x === 'string') : [];
      if (types.length > 0) {
        const has = (k: string): boolean => v[k] !== undefined;
        if (!types.includes('array')) {
          const k = ARRAY_ONLY.find(has);
          if (k) report({ doc: s.doc, path: [...s.path, k], value: v[k] }, `a schema of type ${types.join(' or ')} has ${k}, which applies to arrays only`);
        }
        if (!types.includes('object')) {
          const k = OBJECT_ONLY.find(has);
          if (k) report({ doc: s.doc, path: [...s.path, k], value: v[k] }, `a schema of type ${types.join(' or ')} has ${k}, which applies to objects only`);
        }
      }
      if (input.version === '3.0' && v.nullable === true && typeof t !== 'string' && schemaTypes(v).length === 0 && v.$ref === undefined) {
        report({ doc: s.doc, path: [...s.path, 'nullable'], value: true }, 'nullable without a type: OpenAPI 3.0 defines nullable only beside type, so most tools ignore it');
      }
      if (input.version !== '3.0' && input.version !== '2.0') {
        for (const [bound, excl] of [['minimum', 'exclusiveMinimum'], ['maximum', 'exclusiveMaximum']] as const) {
          if (typeof v[bound] === 'number' && typeof v[excl] === 'number') report({ doc: s.doc, path: [...s.path, excl], value: v[excl] }, `${bound} and ${excl} are both given: only the stricter one counts, the other misleads readers`);
        }
      }
    }
  },
);
