import { isObj, type Obj } from '../../openapi/model.js';
import { defineRule } from '../../openapi/rule.js';
import type { NodeRef } from '../../openapi/workspace.js';
import { contentSchemas } from './_checks.js';

/** Fields the server owns: a client that can set them can forge history or privileges. */
const SERVER_OWNED = /^(id|created_?at|createdAt|updated_?at|updatedAt|modified_?at|modifiedAt|deleted_?at|deletedAt|created|updated|is_?admin|isAdmin|is_?superuser|isSuperuser|is_?verified|isVerified|email_?verified|emailVerified)$/;

/** Top-level properties of a request body schema, through allOf. */
function topLevelProperties(input: { child: (n: NodeRef, k: string | number) => NodeRef<Obj> | undefined }, schema: NodeRef<Obj>, depth = 0): { name: string; node: NodeRef<Obj> }[] {
  if (depth > 8) return [];
  const out: { name: string; node: NodeRef<Obj> }[] = [];
  const props = input.child(schema, 'properties');
  if (props && isObj(props.value)) {
    for (const name of Object.keys(props.value)) {
      const node = input.child(props, name);
      if (node && isObj(node.value)) out.push({ name, node });
    }
  }
  const all = schema.value.allOf;
  if (Array.isArray(all)) {
    all.forEach((_, i) => {
      const part = input.child(input.child(schema, 'allOf')!, i);
      if (part && isObj(part.value)) out.push(...topLevelProperties(input, part, depth + 1));
    });
  }
  return out;
}

/**
 * A documented client-chosen identifier is not mass assignment: a PUT to /things/{id} creating at
 * a URI the client picked, or an id whose description says the client chooses (generates,
 * supplies) it.
 */
function clientChosen(name: string, schema: Obj, method: string, path: string): boolean {
  if (!/^id$/i.test(name)) return false;
  if (method === 'put' && /\{[^}]+\}$/.test(path)) return true;
  const d = typeof schema.description === 'string' ? schema.description : '';
  return /\b(client|caller|consumer|user)[- ]?(chosen|generated|provided|supplied|assigned|defined|specified)\b|\b(chosen|generated|provided|supplied|assigned|specified|picked) by (the )?(client|caller|consumer|you|user)\b|\byour own\b/i.test(d);
}

export default defineRule(
  {
    name: 'mass-assignment',
    severity: 'warning',
    summary: 'Request bodies do not accept server-owned fields (id, timestamps, admin flags) unless marked readOnly.',
    references: ['OWASP API3:2023 Broken Object Property Level Authorization'],
  },
  ({ input, report }) => {
    const seen = new Set<unknown>();
    for (const op of input.operations) {
      if (op.method !== 'post' && op.method !== 'put' && op.method !== 'patch') continue;
      if (!op.requestBody) continue;
      for (const c of contentSchemas(input, op.requestBody)) {
        if (!c.schema) continue;
        for (const { name, node } of topLevelProperties(input, c.schema)) {
          if (!SERVER_OWNED.test(name) || node.value.readOnly === true || seen.has(node.value)) continue;
          if (clientChosen(name, node.value, op.method, op.path)) continue;
          seen.add(node.value);
          report(node, `request body of ${op.label} accepts "${name}", a field the server should own: a client can set it (mass assignment)`, {
            fix: { description: 'mark it readOnly: true in a shared schema, or use a separate input schema without it' },
          });
        }
      }
    }
  },
);
