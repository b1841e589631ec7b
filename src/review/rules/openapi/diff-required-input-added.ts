import { defineDiffRule } from '../../diff/rule.js';

export default defineDiffRule(
  'diff-required-input-added',
  'error',
  'Breaking: a new required parameter or request field, or an optional one became required.',
  'make it optional with a server-side default, or release a new major version',
);
