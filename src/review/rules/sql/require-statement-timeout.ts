import { lockTimeoutRule } from '../../sql/timeouts.js';

export const rule = lockTimeoutRule({
  name: 'require-statement-timeout',
  setting: 'statement_timeout',
  severity: 'info',
  summary: 'Bound how long a migration may hold strong locks with statement_timeout.',
  suggested: "'15min'",
  why: (first) =>
    `once the lock on ${first} is granted, nothing bounds how long it is held: a rewrite or scan that takes longer than planned blocks traffic until it ends. statement_timeout caps it (size it to the largest expected run; CONCURRENTLY builds belong in their own migration with a larger or no limit).`,
});
