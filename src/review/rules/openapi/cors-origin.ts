import { normName, successResponses } from './_checks.js';
import { defineRule } from '../../openapi/rule.js';

export default defineRule(
  {
    name: 'cors-origin',
    severity: 'info',
    optIn: true,
    summary: 'Responses declare Access-Control-Allow-Origin, so the origins browsers may call from are part of the contract.',
    references: ['OWASP API8:2023 Security Misconfiguration'],
  },
  ({ input, report }) => {
    for (const op of input.operations) {
      for (const r of successResponses(op)) {
        const headers = r.node.value.headers;
        const has = headers !== null && typeof headers === 'object' && Object.keys(headers).some((h) => normName(h) === 'accesscontrolalloworigin');
        if (!has) report(r.node, `response ${r.status} of ${op.label} does not declare Access-Control-Allow-Origin: which websites may call the API from a browser is left to the gateway's defaults`);
      }
    }
  },
);
