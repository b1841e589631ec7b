import { defineRule } from '../../openapi/rule.js';
import { schemaTypes } from './_checks.js';

function typeOfValue(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

function matches(value: unknown, types: string[], nullable: boolean): boolean {
  const t = typeOfValue(value);
  if (t === 'null') return nullable;
  return types.includes(t) || (t === 'integer' && types.includes('number'));
}

export default defineRule(
  {
    name: 'enum-type-match',
    severity: 'error',
    summary: 'Enum values have the type the schema declares.',
  },
  ({ input, report }) => {
    for (const node of input.schemas()) {
      const s = node.value;
      if (!Array.isArray(s.enum) || typeof s.type === 'undefined') continue;
      const types = schemaTypes(s);
      if (types.length === 0) continue;
      const nullable = s.nullable === true || (Array.isArray(s.type) && s.type.includes('null'));
      const bad = s.enum.filter((v) => !matches(v, types, nullable));
      if (bad.length === 0) continue;
      report({ doc: node.doc, path: [...node.path, 'enum'], value: s.enum }, `enum values ${bad.map((v) => JSON.stringify(v)).slice(0, 5).join(', ')} are not of type ${types.join('|')}: validators reject them`, {
        fix: { description: 'quote the values or fix the type (YAML reads yes/no/on/off and bare numbers as non-strings)' },
      });
    }
  },
);
