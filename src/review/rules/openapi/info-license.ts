import { isObj } from '../../openapi/model.js';
import { ALL_VERSIONS, defineRule } from '../../openapi/rule.js';

export default defineRule(
  {
    name: 'info-license',
    severity: 'info',
    optIn: true,
    summary: 'info.license names the licence of the API description, with a URL (or an SPDX identifier in 3.1+).',
    versions: ALL_VERSIONS,
  },
  ({ input, report }) => {
    const info = input.child(input.rootNode, 'info');
    if (!info || !isObj(info.value)) return;
    const license = input.child(info, 'license');
    if (!license || !isObj(license.value)) {
      report(info, 'info has no license: whoever copies the description into a client or a gateway cannot tell on which terms');
      return;
    }
    const l = license.value;
    if (typeof l.url === 'string' && l.url !== '') return;
    if (typeof l.identifier === 'string' && l.identifier !== '' && input.version !== '2.0' && input.version !== '3.0') return;
    report(license, `info.license${typeof l.name === 'string' ? ` "${l.name}"` : ''} has no url${input.version === '2.0' || input.version === '3.0' ? '' : ' or SPDX identifier'}`);
  },
);
