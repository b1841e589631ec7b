import { bigintRule } from '../../sql/bigint.js';

export const rule = bigintRule({
  name: 'prefer-bigint-over-smallint',
  types: ['int2', 'serial2'],
  bits: 16,
  max: '32,767',
  summary: 'Prefer bigint to smallint columns (opt-in): 16-bit values run out at 32,767.',
  peer: 'Squawk: prefer-bigint-over-smallint',
});
