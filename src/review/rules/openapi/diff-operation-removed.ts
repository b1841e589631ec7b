import { defineDiffRule } from '../../diff/rule.js';

export default defineDiffRule(
  'diff-operation-removed',
  'error',
  'Breaking: an operation of the base version is gone.',
  'keep the operation (deprecated: true) until clients have moved, or release a new major version',
);
