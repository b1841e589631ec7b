import type { SuppressionProblem } from '../../suppress.js';
import type { Rule } from '../../types.js';
import validSuppression from './valid-suppression.js';

/** The runner's own rules. */
export const rules: Rule<SuppressionProblem[]>[] = [validSuppression];
