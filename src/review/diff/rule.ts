import type { Severity } from '../../model/finding.js';
import { defineRule } from '../openapi/rule.js';
import type { Rule } from '../types.js';
import { changesOf, type ChangeRule } from './changes.js';
import type { DiffInput } from './model.js';

/**
 * A breaking-change rule: it reports the changes of its kind, located in the new version with the
 * old location as `related`.
 */
export function defineDiffRule(name: ChangeRule, severity: Severity, summary: string, fix?: string): Rule<DiffInput> {
  return defineRule<DiffInput>({ name, severity, summary }, ({ input, report }) => {
    for (const c of changesOf(input)) {
      if (c.rule !== name) continue;
      report(c.head, c.message, {
        related: [{ node: c.base, message: 'base version' }],
        ...(fix !== undefined && { fix: { description: fix } }),
      });
    }
  });
}
