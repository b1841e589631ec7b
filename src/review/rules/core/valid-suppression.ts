import type { Finding } from '../../../model/finding.js';
import type { SuppressionProblem } from '../../suppress.js';
import type { Rule } from '../../types.js';

/**
 * Suppressions are decisions, so they must say why. The runner collects malformed suppression
 * comments and `x-archie-disable` entries from every reviewed file; this rule turns them into
 * findings (a suppression without a reason suppresses nothing).
 */
export const validSuppression: Rule<SuppressionProblem[]> = {
  meta: {
    id: 'core/valid-suppression',
    domain: 'core',
    severity: 'warning',
    summary: 'Suppressions name a known rule and give a reason.',
    docs: 'docs/rules/core/valid-suppression.md',
  },
  check(problems) {
    return problems.map(
      (p): Finding => ({
        ruleId: 'core/valid-suppression',
        severity: 'warning',
        message: p.message,
        location: { kind: 'file', file: p.file, line: p.line, column: p.column, ...(p.pointer !== undefined && { pointer: p.pointer }) },
        fix: { description: 'write the suppression as: archie-disable-next-line <rule-id> -- <reason>' },
      }),
    );
  },
};

export default validSuppression;
