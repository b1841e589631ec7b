import type { DiagnoseReport, ExplainReport } from '../types.js';

/** The report as JSON: the same object the library returns, two-space indented. */
export function formatJson(report: DiagnoseReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** The explain report as JSON, including PostgreSQL's own plan. */
export function formatExplainJson(report: ExplainReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
