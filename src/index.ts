/**
 * archie as a library. The public surface is deliberately small; everything else is internal.
 */
export { ArchieError, EXIT, type ErrorCode } from './errors.js';
export { type Finding, type Severity, type Location, FindingSchema } from './model/finding.js';
export { VERSION } from './version.js';
