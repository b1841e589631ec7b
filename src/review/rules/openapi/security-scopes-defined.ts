import { isObj, type Obj } from '../../openapi/model.js';
import { defineRule } from '../../openapi/rule.js';
import type { NodeRef } from '../../openapi/workspace.js';

export default defineRule(
  {
    name: 'security-scopes-defined',
    severity: 'warning',
    summary: 'The OAuth 2 scopes a security requirement asks for are defined in a flow of its scheme.',
  },
  ({ input, report }) => {
    const components = input.child(input.rootNode, 'components');
    const schemes = components ? input.child<Obj>(components, 'securitySchemes') : undefined;
    if (!schemes || !isObj(schemes.value)) return;
    const scopesOf = new Map<string, Set<string>>();
    for (const name of Object.keys(schemes.value)) {
      const s = input.child<Obj>(schemes, name);
      if (!s || !isObj(s.value) || s.value.type !== 'oauth2' || !isObj(s.value.flows)) continue;
      const set = new Set<string>();
      for (const flow of Object.values(s.value.flows)) if (isObj(flow) && isObj(flow.scopes)) for (const k of Object.keys(flow.scopes)) set.add(k);
      scopesOf.set(name, set);
    }
    const check = (list: NodeRefLike | undefined, where: string): void => {
      if (!list || !Array.isArray(list.value)) return;
      list.value.forEach((req, i) => {
        if (!isObj(req)) return;
        for (const [scheme, scopes] of Object.entries(req)) {
          const defined = scopesOf.get(scheme);
          if (!defined || !Array.isArray(scopes)) continue;
          scopes.forEach((scope, j) => {
            if (typeof scope === 'string' && !defined.has(scope)) report({ doc: list.doc, path: [...list.path, i, scheme, j], value: scope }, `${where} asks for the scope "${scope}", which no flow of "${scheme}" defines: no token can carry it`);
          });
        }
      });
    };
    check(input.child(input.rootNode, 'security'), 'the top-level security');
    for (const op of input.operations) check(input.child(op.node, 'security'), op.label);
  },
);

type NodeRefLike = NodeRef;
