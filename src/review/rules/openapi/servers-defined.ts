import { defineRule } from '../../openapi/rule.js';

export default defineRule(
  {
    name: 'servers-defined',
    severity: 'warning',
    summary: 'The description lists the servers (base URLs) the API is served from.',
  },
  ({ input, report }) => {
    const servers = input.root.servers;
    if (Array.isArray(servers) && servers.length > 0) return;
    const at = input.child(input.rootNode, 'servers') ?? input.child(input.rootNode, 'openapi') ?? input.rootNode;
    report(at, 'no servers are listed: clients and generated SDKs cannot tell the base URL or whether it uses HTTPS', {
      fix: { description: 'add the production base URL', code: 'servers:\n  - url: https://api.example.com/v1', language: 'yaml' },
    });
  },
);
