import { defineDiffRule } from '../../diff/rule.js';

export default defineDiffRule(
  'diff-response-status-removed',
  'error',
  'Breaking: a documented success status code was removed or changed.',
  'keep the original status code',
);
