import { defineRule } from '../../openapi/rule.js';
import { hasType, isEnumerated, isIdentifierName } from './_checks.js';

export default defineRule(
  {
    name: 'identifier-format',
    severity: 'warning',
    summary: 'Identifier parameters (`id`, `*_id`, `*Id`) are constrained strings (a format such as uuid, a pattern or an enum), not guessable integers.',
    references: ['OWASP API1:2023 Broken Object Level Authorization', 'OWASP API8:2023 Security Misconfiguration'],
  },
  ({ input, report }) => {
    const seen = new Set<unknown>();
    for (const op of input.operations) {
      for (const p of op.parameters) {
        if (!p.schema || !isIdentifierName(p.name) || seen.has(p.node.value)) continue;
        seen.add(p.node.value);
        const s = p.schema.value;
        if (hasType(s, 'integer')) {
          // OWASP API1: sequential integers let a caller walk other users' objects by counting.
          report(p.node, `identifier "${p.name}" (${op.label}) is an integer: sequential IDs can be guessed and enumerated, so one missed ownership check exposes every object; prefer a UUID or another random string, and check that the caller may access the object`, {
            fix: { description: 'use a random identifier', code: 'schema:\n  type: string\n  format: uuid', language: 'yaml' },
          });
          continue;
        }
        const constrained = typeof s.format === 'string' || typeof s.pattern === 'string' || isEnumerated(input, p.schema);
        if (constrained) continue;
        if (hasType(s, 'string')) {
          report(p.node, `identifier "${p.name}" (${op.label}) is a free-form string: declare format: uuid or a pattern so malformed IDs are rejected before they reach storage`, {
            fix: { description: 'constrain it', code: 'schema:\n  type: string\n  format: uuid', language: 'yaml' },
          });
        }
      }
    }
  },
);
