import { bigintRule } from '../../sql/bigint.js';

export const rule = bigintRule({
  name: 'prefer-bigint-over-int',
  types: ['int4', 'serial4'],
  bits: 32,
  max: '2,147,483,647',
  summary: 'Prefer bigint to integer columns (opt-in): 32-bit counters and ids run out at 2,147,483,647.',
  peer: 'Squawk: prefer-bigint-over-int',
});
