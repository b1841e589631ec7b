import { defineDiffRule } from '../../diff/rule.js';

export default defineDiffRule(
  'diff-type-changed',
  'error',
  'Breaking: a parameter or field changed type or format.',
  'add a new field with the new type and deprecate the old one',
);
