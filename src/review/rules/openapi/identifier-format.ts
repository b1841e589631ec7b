import { defineRule } from '../../openapi/rule.js';
import { hasType, isEnumerated, isIdentifierName } from './_checks.js';

export default defineRule(
  {
    name: 'identifier-format',
    severity: 'warning',
    summary: 'Identifier parameters (`id`, `*_id`, `*Id`) declare a format, pattern or enum.',
    references: ['OWASP API1:2023 Broken Object Level Authorization', 'OWASP API8:2023 Security Misconfiguration'],
  },
  ({ input, report }) => {
    const seen = new Set<unknown>();
    for (const op of input.operations) {
      for (const p of op.parameters) {
        if (!p.schema || !isIdentifierName(p.name) || seen.has(p.node.value)) continue;
        seen.add(p.node.value);
        const s = p.schema.value;
        const constrained = typeof s.format === 'string' || typeof s.pattern === 'string' || isEnumerated(input, p.schema);
        if (constrained) continue;
        if (hasType(s, 'string')) {
          report(p.node, `identifier "${p.name}" (${op.label}) is a free-form string: declare format: uuid or a pattern so malformed IDs are rejected before they reach storage`, {
            fix: { description: 'constrain it', code: 'schema:\n  type: string\n  format: uuid', language: 'yaml' },
          });
        } else if (hasType(s, 'integer')) {
          report(p.node, `identifier "${p.name}" (${op.label}) is an integer without format (int32 or int64): generated clients may overflow`, {
            fix: { description: 'declare the width', code: 'schema:\n  type: integer\n  format: int64\n  minimum: 1', language: 'yaml' },
          });
        }
      }
    }
  },
);
