import type { Design } from '../model/design.js';
import { renderMarkdown } from './markdown.js';
import { DESIGN_JSON_SCHEMA } from './design-schema.js';
import { renderAdrs } from './adr/index.js';
import { renderAsyncApi, renderOpenApi } from './openapi/index.js';
import { renderInitMigration, renderSchemaSql } from './sql/index.js';
import { diagrams, renderDiagramFiles } from './diagrams/index.js';
import { mermaidSections } from './diagrams/mermaid.js';
import { renderDeployFiles } from './deploy/index.js';
import { renderReport } from './html/report.js';

/** design.json: the model, pretty-printed with a trailing newline (stable key order from the planner). */
export function renderDesignJson(d: Design): string {
  return `${JSON.stringify(d, null, 2)}\n`;
}

/** The JSON Schema of design.json (generated from the zod model at build time; a test keeps it current). */
export function designJsonSchema(): string {
  return DESIGN_JSON_SCHEMA;
}

/**
 * Every file `archie design --out DIR` writes, by relative path. Renderers read the design and
 * nothing else; the map's insertion order is the order files are listed to the user.
 */
export function renderArtifacts(d: Design): Map<string, string> {
  const files = new Map<string, string>();
  const drawn = diagrams(d);
  const architecture = renderMarkdown(d, { overviewExtras: mermaidSections(d) });
  files.set('ARCHITECTURE.md', architecture);
  files.set('design.json', renderDesignJson(d));
  files.set('design.schema.json', designJsonSchema());
  files.set('openapi.yaml', renderOpenApi(d));
  const asyncapi = renderAsyncApi(d);
  if (asyncapi !== null) files.set('asyncapi.yaml', asyncapi);
  files.set('schema.sql', renderSchemaSql(d));
  files.set('migrations/0001_init.sql', renderInitMigration(d));
  for (const [path, text] of renderAdrs(d)) files.set(path, text);
  for (const [path, text] of renderDiagramFiles(d, drawn)) files.set(path, text);
  for (const [path, text] of renderDeployFiles(d)) files.set(path, text);
  files.set('report.html', renderReport(d, drawn, architecture));
  return files;
}
