import type { Finding, Location, Severity } from '../../model/finding.js';
import { VERSION } from '../../version.js';
import { docsUrl, type Formatter } from './_types.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

function ruleName(id: string): string {
  return id
    .split(/[/-]/)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');
}

function physical(l: Location & { kind: 'file' }): Record<string, unknown> {
  return {
    physicalLocation: {
      artifactLocation: { uri: encodeURI(l.file), uriBaseId: '%SRCROOT%' },
      region: { startLine: l.line, startColumn: l.column, ...(l.endLine !== undefined && { endLine: l.endLine }), ...(l.endColumn !== undefined && { endColumn: l.endColumn }) },
    },
  };
}

function location(l: Location): Record<string, unknown> {
  if (l.kind === 'file') return physical(l);
  return { logicalLocations: [{ name: l.name, kind: l.objectType, ...(l.database !== undefined && { fullyQualifiedName: `${l.database}.${l.name}` }) }] };
}

function result(f: Finding, ruleIndex: Map<string, number>): Record<string, unknown> {
  const out: Record<string, unknown> = {
    ruleId: f.ruleId,
    level: LEVEL[f.severity],
    message: { text: f.fix ? `${f.message}. Fix: ${f.fix.description}` : f.message },
    locations: [location(f.location)],
  };
  const idx = ruleIndex.get(f.ruleId);
  if (idx !== undefined) out.ruleIndex = idx;
  if (f.related?.length) {
    out.relatedLocations = f.related.map((r, id) => ({ id, ...location(r), ...(r.message !== undefined && { message: { text: r.message } }) }));
  }
  const props: Record<string, unknown> = {};
  if (f.evidence) props.evidence = f.evidence;
  if (f.fix?.code !== undefined) props.fix = f.fix;
  if (Object.keys(props).length > 0) out.properties = props;
  return out;
}

/**
 * SARIF 2.1.0, as GitHub code scanning reads it: one run, the rule list built from rule metadata
 * (with helpUri to each rule's docs page), results with repository-relative URIs, and files that
 * could not be reviewed as tool execution notifications.
 */
export const formatSarif: Formatter = (review, options = {}) => {
  const rules = review.rules;
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'archie',
            version: VERSION,
            semanticVersion: VERSION,
            ...(options.docsBaseUrl ? { informationUri: docsUrl('docs/rules/', options.docsBaseUrl) } : {}),
            rules: rules.map((r) => ({
              id: r.id,
              name: ruleName(r.id),
              shortDescription: { text: r.summary },
              fullDescription: { text: r.summary },
              ...(options.docsBaseUrl ? { helpUri: docsUrl(r.docs, options.docsBaseUrl) } : {}),
              help: { text: `${r.summary} See ${docsUrl(r.docs, options.docsBaseUrl) ?? `${r.docs} in the archie package`}.` },
              defaultConfiguration: { level: LEVEL[r.severity] },
              properties: { tags: [r.domain, ...(r.references ?? [])] },
            })),
          },
        },
        invocations: [
          {
            executionSuccessful: review.errors.length === 0,
            toolExecutionNotifications: review.errors.map((e) => ({
              level: 'error',
              message: { text: e.message },
              locations: [physical({ kind: 'file', file: e.file, line: e.line ?? 1, column: e.column ?? 1 })],
            })),
          },
        ],
        columnKind: 'utf16CodeUnits',
        results: review.findings.map((f) => result(f, ruleIndex)),
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
};
