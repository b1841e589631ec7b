import { defineRule } from '../../openapi/rule.js';

const ADMIN = /(^|\/)admin(\/|$|[-_{])/i;

export default defineRule(
  {
    name: 'admin-security',
    severity: 'warning',
    optIn: true,
    summary: 'Administrative operations (paths with /admin) use security requirements of their own, not the ones every other operation uses.',
    references: ['OWASP API5:2023 Broken Function Level Authorization'],
  },
  ({ input, report }) => {
    const key = (sec: unknown[] | undefined): string => JSON.stringify((sec ?? []).map((r) => Object.keys(r as object).sort()).sort());
    const others = new Set(input.operations.filter((op) => !ADMIN.test(op.path)).map((op) => key(op.security)));
    for (const op of input.operations) {
      if (!ADMIN.test(op.path) || !op.security || op.security.length === 0) continue;
      if (!others.has(key(op.security))) continue;
      report(op.node, `${op.label} is administrative but uses the same security schemes as other operations: any user's token can reach it unless every handler checks roles`);
    }
  },
);
