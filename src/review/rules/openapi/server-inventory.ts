import { isObj } from '../../openapi/model.js';
import { defineRule } from '../../openapi/rule.js';

const ENVIRONMENT = /(local|sandbox|alpha|beta|test|testing|stag|staging|prod|production|next|preprod|preproduction|development|dev|qa|uat|live)/i;

export default defineRule(
  {
    name: 'server-inventory',
    severity: 'info',
    optIn: true,
    summary: 'Each server says its audience (x-internal: true or false) and its environment (production, staging, …) in its description.',
    references: ['OWASP API9:2023 Improper Inventory Management'],
  },
  ({ input, report }) => {
    const list = input.child(input.rootNode, 'servers');
    if (!list || !Array.isArray(list.value)) return;
    list.value.forEach((s, i) => {
      if (!isObj(s)) return;
      const at = { doc: list.doc, path: [...list.path, i], value: s };
      if (typeof s['x-internal'] !== 'boolean') report(at, `server ${String(s.url)} does not say whether it is internal (x-internal: true or false)`);
      if (typeof s.description !== 'string' || !ENVIRONMENT.test(s.description)) report(at, `server ${String(s.url)} does not name its environment (production, staging, sandbox, …) in its description`);
    });
  },
);
