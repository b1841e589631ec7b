/**
 * archie as a library. The public surface is deliberately small; everything else is internal.
 */
export { ArchieError, EXIT, type ErrorCode } from './errors.js';
export { type Finding, type Severity, type Location, FindingSchema } from './model/finding.js';
export { VERSION } from './version.js';
export { design, designFromInput, type DesignOptions } from './design.js';
export { capacity, type CapacityFlags, type CapacityReport } from './capacity.js';
export { renderArtifacts } from './render/index.js';
export { renderMarkdown } from './render/markdown.js';
export { SCHEMA_VERSION } from './model/version.js';
export type { Design, Decision, Entity, Endpoint, CapacityFigure, Component, DataStore } from './model/design.js';
export type { Requirements, Provenance, Assumption, OpenQuestion } from './model/requirements.js';
export { diagnose, explain, formatText as formatDiagnoseText, formatJson as formatDiagnoseJson, formatMarkdown as formatDiagnoseMarkdown, formatExplainText, hasFailures as diagnoseHasFailures, reportFails as diagnoseReportFails, redactorFor as diagnoseRedactor, DiagnoseConnectError } from './diagnose/index.js';
export type { DiagnoseOptions, DiagnoseReport, ExplainOptions, ExplainReport, Thresholds as DiagnoseThresholds } from './diagnose/index.js';
export { review, reviewDiff, hasFindingsAtOrAbove as reviewHasFindingsAtOrAbove } from './review/index.js';
export type { ReviewOptions, ReviewResult, ReviewSummary, ReviewConfigInput, RuleMeta } from './review/index.js';
export { formatText as formatReviewText, formatJson as formatReviewJson, formatSarif as formatReviewSarif, type FormatOptions as ReviewFormatOptions } from './review/format/index.js';
export { verify, startEmbeddedPostgres, CHECK_IDS as VERIFY_CHECK_IDS, VerifyReportSchema } from './verify/index.js';
export type { VerifyOptions, VerifyReport, CheckResult as VerifyCheckResult, Evidence as VerifyEvidence, PlanEvidence, EmbeddedPostgres } from './verify/index.js';
export { formatText as formatVerifyText } from './verify/format/text.js';
export { formatJson as formatVerifyJson } from './verify/format/json.js';
export { scale, type ScaleSource, type ScaleOptions } from './scale/index.js';
export { migrate, type MigrateSource } from './migrate/index.js';
