import { defineDiffRule } from '../../diff/rule.js';

export default defineDiffRule(
  'diff-enum-narrowed',
  'error',
  'Breaking: an input accepts fewer values than before (enum values removed, or an enum added).',
  'keep accepting the old values (map them server-side) until clients have moved',
);
