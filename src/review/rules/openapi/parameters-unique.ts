import { isObj, type Obj } from '../../openapi/model.js';
import { ALL_VERSIONS, defineRule } from '../../openapi/rule.js';
import type { NodeRef } from '../../openapi/workspace.js';

export default defineRule(
  {
    name: 'parameters-unique',
    severity: 'error',
    summary: 'An operation or path item lists each parameter (name and location) once.',
    versions: ALL_VERSIONS,
  },
  ({ input, report }) => {
    const seenHolders = new Set<unknown>();
    const check = (holder: NodeRef<Obj>, label: string): void => {
      if (seenHolders.has(holder.value)) return;
      seenHolders.add(holder.value);
      const list = input.child(holder, 'parameters');
      if (!list || !Array.isArray(list.value)) return;
      const first = new Map<string, number>();
      list.value.forEach((_, i) => {
        const p = input.child<Obj>(list, i);
        if (!p || !isObj(p.value) || typeof p.value.name !== 'string' || typeof p.value.in !== 'string') return;
        // Header names are case-insensitive (RFC 9110).
        const key = `${p.value.in}\u0000${p.value.in === 'header' ? p.value.name.toLowerCase() : p.value.name}`;
        const at = first.get(key);
        if (at === undefined) first.set(key, i);
        else report({ doc: list.doc, path: [...list.path, i], value: list.value[i] }, `${label} lists the ${p.value.in} parameter "${p.value.name}" twice (also parameters[${at}]): which definition applies is up to each tool`);
      });
    };
    for (const op of input.operations) {
      check(op.pathItem, `path ${op.path}`);
      check(op.node, op.label);
    }
  },
);
