import { isObj } from '../../openapi/model.js';
import { ALL_VERSIONS, defineRule } from '../../openapi/rule.js';

export default defineRule(
  {
    name: 'info-description',
    severity: 'info',
    optIn: true,
    summary: 'info.description says what the API is for.',
    versions: ALL_VERSIONS,
  },
  ({ input, report }) => {
    const info = input.child(input.rootNode, 'info');
    if (!info || !isObj(info.value)) return;
    const d = info.value.description;
    if (typeof d === 'string' && d.trim() !== '') return;
    report(info, 'info has no description: the first thing a reader of the docs sees says nothing about what the API does');
  },
);
