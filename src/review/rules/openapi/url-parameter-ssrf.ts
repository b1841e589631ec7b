import { defineRule } from '../../openapi/rule.js';

/** Parameter names that carry a URL the server will fetch or redirect to. */
const URL_NAME = /(^|[-_.])(url|uri|redirect|redirect[-_]?(url|uri|to)|callback([-_]?(url|uri))?|webhook([-_]?(url|uri))?|return[-_]?(url|to)|next[-_]?url|image[-_]?url|target[-_]?url|dest(ination)?[-_]?url)$/i;
const CAMEL = /(Url|Uri|Redirect|Callback|Webhook)$/;

export default defineRule(
  {
    name: 'url-parameter-ssrf',
    severity: 'info',
    summary: 'Parameters that carry a URL the server fetches or redirects to are reviewed for server-side request forgery and open redirects.',
    references: ['OWASP API7:2023 Server Side Request Forgery'],
  },
  ({ input, report }) => {
    for (const op of input.operations) {
      for (const p of op.parameters) {
        if (!URL_NAME.test(p.name) && !CAMEL.test(p.name)) continue;
        report(p.node, `${p.in} parameter "${p.name}" of ${op.label} takes a URL: if the server fetches or redirects to it, restrict it to an allow-list of hosts (SSRF, open redirect)`);
      }
    }
  },
);
