import { HTTP_METHODS, isObj, type Obj } from '../../openapi/model.js';
import { defineRule } from '../../openapi/rule.js';
import type { NodeRef } from '../../openapi/workspace.js';

export default defineRule(
  {
    name: 'callbacks-placement',
    severity: 'warning',
    summary: 'Callbacks are not nested in callbacks, and webhooks carry neither callbacks nor servers (the API calls the receiver, not the other way round).',
  },
  ({ input, report }) => {
    /** The operations of a callback object (expression → path item). */
    const callbackOps = (callbacks: NodeRef<Obj>): { op: NodeRef<Obj>; label: string }[] => {
      const out: { op: NodeRef<Obj>; label: string }[] = [];
      for (const name of Object.keys(callbacks.value)) {
        const cb = input.child<Obj>(callbacks, name);
        if (!cb || !isObj(cb.value)) continue;
        for (const expr of Object.keys(cb.value)) {
          const item = input.child<Obj>(cb, expr);
          if (!item || !isObj(item.value)) continue;
          for (const m of HTTP_METHODS) {
            const op = input.child<Obj>(item, m);
            if (op && isObj(op.value)) out.push({ op, label: `callback "${name}" (${m.toUpperCase()} ${expr})` });
          }
        }
      }
      return out;
    };
    for (const op of input.operations) {
      const cbs = input.child<Obj>(op.node, 'callbacks');
      if (!cbs || !isObj(cbs.value)) continue;
      for (const { op: inner, label } of callbackOps(cbs)) {
        const nested = input.child(inner, 'callbacks');
        if (nested && isObj(nested.value)) report(nested, `${label} of ${op.label} defines callbacks of its own: a callback's callbacks are never triggered by any tool`);
      }
    }
    for (const hook of input.webhooks) {
      const servers = input.child(hook.pathItem, 'servers') ?? input.child(hook.node, 'servers');
      if (servers) report(servers, `${hook.label} has servers: a webhook is sent to the URL its subscriber registered, not to a server of the API`);
      const cbs = input.child(hook.node, 'callbacks');
      if (cbs) report(cbs, `${hook.label} has callbacks: a webhook is a request the API sends, so nothing calls back`);
    }
  },
);
