import { defineDiffRule } from '../../diff/rule.js';

export default defineDiffRule(
  'diff-response-field-removed',
  'error',
  'Breaking: a success-response field was removed, renamed or may now be absent.',
  'keep returning the field (deprecate it first); add the new name alongside the old one',
);
