import { isObj } from '../../openapi/model.js';
import { defineRule } from '../../openapi/rule.js';
import type { NodeRef } from '../../openapi/workspace.js';

export default defineRule(
  {
    name: 'example-value-or-external',
    severity: 'warning',
    summary: 'An Example Object has exactly one of value and externalValue.',
  },
  ({ input, report }) => {
    const seen = new Set<unknown>();
    const check = (examples: NodeRef | undefined): void => {
      if (!examples || !isObj(examples.value)) return;
      for (const name of Object.keys(examples.value)) {
        const ex = input.child(examples, name);
        if (!ex || !isObj(ex.value) || seen.has(ex.value)) continue;
        seen.add(ex.value);
        const has = (k: string): boolean => (ex.value as Record<string, unknown>)[k] !== undefined;
        if (has('value') && has('externalValue')) report(ex, `example "${name}" has both value and externalValue: tools pick one and the other is dead`);
        else if (!has('value') && !has('externalValue') && !has('dataValue') && !has('serializedValue')) report(ex, `example "${name}" has neither value nor externalValue: it shows nothing`);
      }
    };
    const components = input.child(input.rootNode, 'components');
    check(components ? input.child(components, 'examples') : undefined);
    const holders = (holder: NodeRef | undefined): void => {
      if (!holder) return;
      const content = input.child(holder, 'content');
      if (content && isObj(content.value)) for (const mt of Object.keys(content.value)) {
        const media = input.child(content, mt);
        if (media) check(input.child(media, 'examples'));
      }
      check(input.child(holder, 'examples'));
    };
    for (const op of [...input.operations, ...input.webhooks]) {
      for (const p of op.parameters) holders(p.node);
      holders(op.requestBody);
      for (const r of op.responses) {
        holders(r.node);
        const hs = input.child(r.node, 'headers');
        if (hs && isObj(hs.value)) for (const h of Object.keys(hs.value)) holders(input.child(hs, h));
      }
    }
  },
);
