import { ALL_VERSIONS, defineRule } from '../../openapi/rule.js';
import { validateStructure } from '../../openapi/structure.js';

export default defineRule(
  {
    name: 'structure',
    severity: 'error',
    summary: 'The description is valid against the official OpenAPI JSON Schema of its version (2.0, 3.0, 3.1 or 3.2), objects reached through $ref included.',
    references: ['OpenAPI Specification 2.0, 3.0.4, 3.1.1, 3.2.0 and their JSON Schemas (spec.openapis.org)'],
    versions: ALL_VERSIONS,
  },
  ({ input, report }) => {
    for (const p of validateStructure(input.ws, input.doc, input.version)) {
      report({ doc: p.doc, path: p.path, value: undefined }, p.message, { evidence: { keyword: p.keyword } });
    }
  },
);
