import { VERSION } from '../../version.js';
import type { Formatter } from './_types.js';

/** Machine-readable report: the whole result as JSON, stable key order, no timestamps. */
export const formatJson: Formatter = (result) =>
  `${JSON.stringify(
    {
      tool: { name: 'archie', version: VERSION },
      summary: result.summary,
      files: result.files,
      errors: result.errors,
      findings: result.findings,
    },
    null,
    2,
  )}\n`;
