import { isObj } from '../../openapi/model.js';
import { ALL_VERSIONS, defineRule } from '../../openapi/rule.js';

export default defineRule(
  {
    name: 'required-properties-defined',
    severity: 'warning',
    summary: 'Every property a schema lists as required is defined in its properties (or those of its allOf parts).',
    versions: ALL_VERSIONS,
  },
  ({ input, report }) => {
    for (const s of input.schemas()) {
      const v = s.value;
      if (!Array.isArray(v.required) || v.required.length === 0) continue;
      // Without properties the schema may only constrain presence (or inherit through allOf from a parent).
      if (!isObj(v.properties)) continue;
      const defined = new Set(Object.keys(v.properties));
      const parts = Array.isArray(v.allOf) ? v.allOf : [];
      parts.forEach((_, i) => {
        const list = input.child(s, 'allOf');
        const part = list ? input.child<Record<string, unknown>>(list, i) : undefined;
        if (part && isObj(part.value) && isObj(part.value.properties)) for (const k of Object.keys(part.value.properties)) defined.add(k);
      });
      if (v.additionalProperties !== undefined && v.additionalProperties !== false) continue;
      if (isObj(v.patternProperties)) continue;
      v.required.forEach((name, i) => {
        if (typeof name === 'string' && !defined.has(name)) report({ doc: s.doc, path: [...s.path, 'required', i], value: name }, `"${name}" is required but not among the properties (${[...defined].slice(0, 5).join(', ')}${defined.size > 5 ? ', …' : ''}): a renamed or misspelled property`);
      });
    }
  },
);
