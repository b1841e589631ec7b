import { defineRule } from '../../openapi/rule.js';
import { hasType, isEnumerated } from './_checks.js';

/** Formats whose values are bounded by their grammar. */
const BOUNDED_FORMATS = new Set(['date', 'date-time', 'time', 'uuid', 'ipv4', 'ipv6', 'int32', 'int64', 'duration', 'byte-length']);

export default defineRule(
  {
    name: 'string-max-length',
    severity: 'warning',
    summary: 'Strings that clients send declare maxLength (or are bounded by enum, const or a fixed format).',
    references: ['OWASP API4:2023 Unrestricted Resource Consumption'],
  },
  ({ input, report }) => {
    for (const v of input.inputSchemas()) {
      const s = v.node.value;
      if (!hasType(s, 'string')) continue;
      if (typeof s.maxLength === 'number' || isEnumerated(input, v.node)) continue;
      if (typeof s.format === 'string' && (BOUNDED_FORMATS.has(s.format) || s.format === 'binary')) continue;
      // A file part (3.1 `contentEncoding: binary`, `contentMediaType`) is bounded by the request
      // size limit, not by a character count.
      if (s.contentEncoding === 'binary' || (s.contentMediaType !== undefined && s.contentEncoding !== 'base64')) continue;
      const what = v.property ? `string "${v.property}"` : 'string';
      report(v.node, `${what} sent to ${v.operation.label} has no maxLength: unbounded input reaches parsers, logs and storage`, {
        fix: { description: 'bound it', code: 'maxLength: 256', language: 'yaml' },
      });
    }
  },
);
