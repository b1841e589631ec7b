import { ALL_VERSIONS, defineRule } from '../../openapi/rule.js';

/** 3.1+ Reference Objects may carry these; JSON Schema 2020-12 schemas may carry anything. */
const ALLOWED_31 = new Set(['$ref', 'summary', 'description']);

export default defineRule(
  {
    name: 'ref-siblings',
    severity: 'warning',
    summary: 'Properties beside a $ref are not ignored silently: OpenAPI 2.0 and 3.0 drop them, 3.1 keeps only summary and description (and anything in a schema).',
    versions: ALL_VERSIONS,
  },
  ({ input, report }) => {
    const old = input.version === '2.0' || input.version === '3.0';
    for (const use of input.refs()) {
      if (use.inExtension) continue;
      const keys = Object.keys(use.node.value).filter((k) => k !== '$ref' && !k.startsWith('x-'));
      if (keys.length === 0) continue;
      if (!old) {
        // In 3.1+ a $ref inside a schema is JSON Schema's, whose siblings apply.
        const inSchema = isSchemaPosition(use.node.path);
        if (inSchema || keys.every((k) => ALLOWED_31.has(k))) continue;
      }
      report(use.node, `${keys.map((k) => `"${k}"`).join(', ')} beside $ref ${use.ref} ${old ? `${keys.length === 1 ? 'is' : 'are'} ignored in OpenAPI ${input.version}` : `${keys.length === 1 ? 'is' : 'are'} not allowed beside a Reference Object`}: put ${keys.length === 1 ? 'it' : 'them'} in the target${old ? ' or wrap the $ref in allOf' : ''}`);
    }
  },
);

function isSchemaPosition(path: readonly (string | number)[]): boolean {
  for (let i = path.length - 1; i >= 0; i--) {
    const seg = path[i];
    if (seg === 'schema' || seg === 'schemas' || seg === 'properties' || seg === 'items' || seg === 'allOf' || seg === 'oneOf' || seg === 'anyOf' || seg === 'not' || seg === 'additionalProperties') return true;
    if (seg === 'paths' || seg === 'responses' || seg === 'parameters' || seg === 'requestBodies' || seg === 'headers' || seg === 'examples') return false;
  }
  return false;
}
