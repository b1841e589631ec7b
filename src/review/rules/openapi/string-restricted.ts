import { defineRule } from '../../openapi/rule.js';
import { hasType } from './_checks.js';

export default defineRule(
  {
    name: 'string-restricted',
    severity: 'info',
    optIn: true,
    summary: 'Strings clients send are restricted by a format, a pattern, an enum or a const.',
    references: ['OWASP API4:2023 Unrestricted Resource Consumption'],
  },
  ({ input, report }) => {
    for (const v of input.inputSchemas()) {
      const s = v.node.value;
      if (!hasType(s, 'string')) continue;
      if (s.format !== undefined || s.pattern !== undefined || s.enum !== undefined || s.const !== undefined || s.contentMediaType !== undefined) continue;
      report(v.node, `${v.property ? `string "${v.property}"` : 'a string'} sent to ${v.operation.label} has no format, pattern or enum: any text reaches the server`);
    }
  },
);
