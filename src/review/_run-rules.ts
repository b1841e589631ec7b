import { compareFindings, type Finding } from '../model/finding.js';
import type { FileError, Rule } from './types.js';

/**
 * Run every rule of a domain over its input. A rule that throws on odd input is reported as a file
 * error naming the rule, and must not hide the other rules' findings. Findings come back sorted.
 */
export function runRules<Input>(rules: ReadonlyArray<Rule<Input>>, input: Input, file: string, errors: FileError[]): Finding[] {
  const findings: Finding[] = [];
  for (const rule of rules) {
    try {
      findings.push(...rule.check(input));
    } catch (e) {
      errors.push({ file, message: `rule ${rule.meta.id} failed: ${(e as Error).message} (a bug in archie; please report it with this file)` });
    }
  }
  return findings.sort(compareFindings);
}
