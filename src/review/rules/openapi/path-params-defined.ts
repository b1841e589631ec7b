import { defineRule } from '../../openapi/rule.js';

export default defineRule(
  {
    name: 'path-params-defined',
    severity: 'error',
    summary: 'Every `{param}` in a path has an `in: path` parameter, and every path parameter appears in the path.',
  },
  ({ input, report }) => {
    for (const op of input.operations) {
      const inTemplate = [...op.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
      const declared = op.parameters.filter((p) => p.in === 'path');
      const missing = inTemplate.filter((n) => !declared.some((p) => p.name === n));
      if (missing.length > 0) {
        report(op.node, `${op.label} has no path parameter for ${missing.map((n) => `{${n}}`).join(', ')}`, {
          fix: { description: 'declare it', code: `parameters:\n  - name: ${missing[0]}\n    in: path\n    required: true\n    schema: { type: string }`, language: 'yaml' },
        });
      }
      for (const p of declared) {
        if (!inTemplate.includes(p.name)) report(p.node, `path parameter "${p.name}" of ${op.label} does not appear in the path`);
      }
    }
  },
);
