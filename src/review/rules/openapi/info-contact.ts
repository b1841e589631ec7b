import { isObj } from '../../openapi/model.js';
import { ALL_VERSIONS, defineRule } from '../../openapi/rule.js';

export default defineRule(
  {
    name: 'info-contact',
    severity: 'info',
    optIn: true,
    summary: 'info.contact names who answers for the API: a name, a URL and an email.',
    versions: ALL_VERSIONS,
  },
  ({ input, report }) => {
    const info = input.child(input.rootNode, 'info');
    if (!info || !isObj(info.value)) return;
    const contact = input.child(info, 'contact');
    if (!contact || !isObj(contact.value)) {
      report(info, 'info has no contact: consumers of the API cannot tell whom to ask or report a problem to', {
        fix: { description: 'add a contact', code: 'contact:\n  name: API team\n  url: https://example.org/api-team\n  email: api@example.org', language: 'yaml' },
      });
      return;
    }
    const missing = ['name', 'url', 'email'].filter((k) => typeof (contact.value as Record<string, unknown>)[k] !== 'string' || (contact.value as Record<string, unknown>)[k] === '');
    if (missing.length > 0) report(contact, `info.contact lacks ${missing.join(', ')}`);
  },
);
