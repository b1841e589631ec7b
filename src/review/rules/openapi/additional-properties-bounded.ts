import { defineRule } from '../../openapi/rule.js';
import { hasType } from './_checks.js';

export default defineRule(
  {
    name: 'additional-properties-bounded',
    severity: 'info',
    optIn: true,
    summary: 'Objects clients send do not accept any additional property: additionalProperties (unevaluatedProperties in 3.1+) is false, or a schema with maxProperties.',
    references: ['OWASP API3:2023 Broken Object Property Level Authorization'],
  },
  ({ input, report }) => {
    const key = input.version === '3.0' || input.version === '2.0' ? 'additionalProperties' : 'unevaluatedProperties';
    for (const v of input.inputSchemas()) {
      const s = v.node.value;
      if (!hasType(s, 'object')) continue;
      for (const k of new Set([key, 'additionalProperties'])) {
        const extra = s[k];
        if (extra === true) {
          report({ doc: v.node.doc, path: [...v.node.path, k], value: true }, `an object sent to ${v.operation.label} sets ${k}: true: any property a client adds is accepted, and mass assignment follows when it reaches the model`);
        } else if (extra !== undefined && extra !== false && typeof s.maxProperties !== 'number') {
          report({ doc: v.node.doc, path: [...v.node.path, k], value: extra }, `an object sent to ${v.operation.label} accepts any number of additional properties (${k} without maxProperties)`);
        }
      }
    }
  },
);
