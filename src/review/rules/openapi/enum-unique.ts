import { ALL_VERSIONS, defineRule } from '../../openapi/rule.js';

export default defineRule(
  {
    name: 'enum-unique',
    severity: 'warning',
    summary: 'An enum lists each value once.',
    versions: ALL_VERSIONS,
  },
  ({ input, report }) => {
    const check = (node: { doc: typeof input.doc; path: readonly (string | number)[]; value: unknown }, list: unknown[]): void => {
      const seen = new Map<string, number>();
      list.forEach((v, i) => {
        const key = JSON.stringify(v);
        const at = seen.get(key);
        if (at === undefined) seen.set(key, i);
        else report({ doc: node.doc, path: [...node.path, 'enum', i], value: v }, `enum value ${key} is listed twice (also at ${at}): JSON Schema requires enum values to be unique, and generated enums fail to compile`);
      });
    };
    for (const s of input.schemas()) if (Array.isArray(s.value.enum)) check(s, s.value.enum);
    // Swagger 2.0 parameters and headers carry enum themselves.
    if (input.version === '2.0') for (const op of input.operations) for (const p of op.parameters) if (Array.isArray(p.node.value.enum)) check(p.node, p.node.value.enum);
  },
);
