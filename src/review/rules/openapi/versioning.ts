import { isObj } from '../../openapi/model.js';
import { defineRule } from '../../openapi/rule.js';
import { normName } from './_checks.js';

/** `/v1`, `/v2.1`, or a dated version such as Twilio's `/2010-04-01`. */
const VERSION_SEGMENT = /\/(v\d+(\.\d+)*|\d{4}-\d{2}-\d{2})(\/|$)/i;
const VERSION_HEADER = /version/;
const VERSIONED_MEDIA = /^application\/vnd\.[^;]*(\.v\d+|version=)/i;

export default defineRule(
  {
    name: 'versioning',
    severity: 'warning',
    summary: 'The API version appears in the server URL, the path, a version header or the media type.',
  },
  ({ input, report }) => {
    const servers = Array.isArray(input.root.servers) ? input.root.servers : [];
    if (servers.some((s) => isObj(s) && typeof s.url === 'string' && VERSION_SEGMENT.test(s.url))) return;
    const paths = isObj(input.root.paths) ? Object.keys(input.root.paths) : [];
    if (paths.length > 0 && paths.every((p) => VERSION_SEGMENT.test(p))) return;
    for (const op of input.operations) {
      if (op.parameters.some((p) => (p.in === 'header' || p.in === 'query') && VERSION_HEADER.test(normName(p.name)))) return;
      if (op.responses.some((r) => isObj(r.node.value.content) && Object.keys(r.node.value.content).some((m) => VERSIONED_MEDIA.test(m)))) return;
    }
    const at = input.child(input.rootNode, 'paths') ?? input.rootNode;
    report(at, 'no API version in the server URL, the paths, a version header or the media type: clients cannot pin a version and breaking changes have nowhere to go', {
      fix: { description: 'version the base URL (https://api.example.com/v1) or accept a version header (API-Version) on every operation' },
    });
  },
);
