import { lockTimeoutRule } from '../../sql/timeouts.js';

export const rule = lockTimeoutRule({
  name: 'require-lock-timeout',
  setting: 'lock_timeout',
  severity: 'warning',
  summary: 'Set lock_timeout before statements that take strong locks on existing tables.',
  suggested: "'5s'",
  maxMs: 60_000,
  why: (first) =>
    `if a long transaction holds a conflicting lock, the migration waits for it, and every query on ${first} queues behind the waiting migration: a lock queue outage. With a short lock_timeout (seconds, at most a minute) the statement gives up instead, and the migration can be retried.`,
});
