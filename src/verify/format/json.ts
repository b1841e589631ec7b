import type { VerifyReport } from '../report.js';

/** The report as JSON (stable key order: the report's own). */
export function formatJson(report: VerifyReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
