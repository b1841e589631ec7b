/**
 * archie migrate: "how do we leave the monolith". From the monolith's OpenAPI document, or from a
 * brief describing the existing system, the bounded contexts, the order to extract them, the
 * facade's routing per phase, data ownership with expand-and-contract steps, and how each phase
 * is verified and rolled back.
 *
 * @example
 * ```ts
 * const plan = await migrate({ openapi: 'monolith/openapi.yaml' });
 * console.log(plan.order, plan.phases[1]?.facade);
 * ```
 */
import { ArchieError } from '../errors.js';
import type { Design } from '../model/design.js';
import type { ApiModel, ApiOperation } from './_api.js';
import { findContexts } from './_contexts.js';
import { buildPhases, extractionOrder } from './_plan.js';
import type { MigrationPlan } from './model.js';

export { MigrationPlanSchema, type MigrationPlan, type Context, type Phase, type Route } from './model.js';
export { renderMigrationText } from './render.js';

export interface MigrateSource {
  /** Path to the monolith's OpenAPI 3 or Swagger 2.0 document. */
  openapi?: string;
  /** A brief describing the existing system: text, or a path to a brief file. */
  brief?: string;
  text?: boolean;
}

const METHOD_NOTE =
  'Contexts start from the API\'s own grouping (tags, else the first path resource) and merge when the API shows they belong together: ' +
  'a group that lives mostly under another group\'s resource joins it (unless it is large or has a lifecycle of its own), ' +
  'a group whose operations mostly return another group\'s main schema joins it, and a group of one or two operations joins the group it references most. ' +
  'Each schema is owned by the context that returns it; references from one context to schemas or `*_id` resources another owns are its coupling. ' +
  'Identity is extracted first, then the least coupled contexts, so the most entangled core leaves last.';

/** Operations of a design's API, as the monolith's would look: one context per domain. */
function apiFromDesign(d: Design): ApiModel {
  const entityByName = new Map(d.entities.map((e) => [e.name, e]));
  const operations: ApiOperation[] = d.api.endpoints.map((e) => {
    const entity = entityByName.get(e.entity);
    const refs = entity ? entity.fields.filter((f) => f.references).map((f) => f.references!) : [];
    return {
      method: e.method,
      path: `${d.api.basePath}${e.path}`.replace(/\/{2,}/g, '/'),
      tags: [entity?.domain ?? e.entity],
      operationId: e.operationId,
      primary: e.entity,
      schemas: [e.entity, ...refs].filter((v, i, a) => a.indexOf(v) === i).sort(),
      idFields: entity ? entity.fields.filter((f) => f.references).map((f) => f.name) : [],
    };
  });
  const schemaRefs = new Map(d.entities.map((e) => [e.name, e.fields.filter((f) => f.references).map((f) => f.references!)]));
  const schemaIdFields = new Map(d.entities.map((e) => [e.name, e.fields.filter((f) => f.references).map((f) => f.name)]));
  return { title: d.title, operations, schemaRefs, schemaIdFields, paths: new Set(operations.map((o) => o.path)).size, externalRefs: 0 };
}

export async function migrate(source: MigrateSource): Promise<MigrationPlan> {
  if (source.openapi && source.brief) throw new ArchieError('USAGE', 'give an OpenAPI document or a brief, not both');
  let api: ApiModel;
  let kind: 'openapi' | 'brief';
  let existing = 'the monolith';
  const warnings: string[] = [];
  if (source.openapi) {
    const { readApi } = await import('./_api.js');
    api = await readApi(source.openapi);
    kind = 'openapi';
    if (api.externalRefs > 0) warnings.push(`${api.externalRefs} $ref(s) point outside the document and were not followed; schemas behind them do not count towards coupling.`);
  } else if (source.brief?.trim()) {
    const { design } = await import('../design.js');
    const d = await design(source.brief, { text: source.text || /\s/.test(source.brief.trim()) });
    if (d.requirements.existingSystem) existing = d.requirements.existingSystem.description;
    else warnings.push('The brief does not describe an existing system; the plan assumes the monolith exposes the API archie designed for it. Describe it (e.g. "we run a Rails monolith") or pass its OpenAPI document.');
    api = apiFromDesign(d);
    kind = 'brief';
    if (api.operations.length === 0) throw new ArchieError('INVALID', 'the design for this brief has no API operations to group into contexts');
  } else {
    throw new ArchieError('USAGE', 'nothing to migrate: give the monolith\'s OpenAPI document or a brief', {
      hint: 'archie migrate --openapi monolith.yaml, or archie migrate --brief examples/saas-migration.txt',
    });
  }
  const clustering = findContexts(api);
  if (clustering.contexts.length === 1) warnings.push('All operations fall into one context: the API gives no seam to cut along (tag the operations by area, or split the paths by resource).');
  if (!clustering.contexts.some((c) => c.identity)) {
    warnings.push('No identity or authentication endpoints in the API: move sign-in to the identity provider before phase 1 anyway, so every extracted service validates the same tokens.');
  }
  const order = extractionOrder(clustering.contexts);
  const phases = buildPhases(clustering, order, api.operations, existing);
  return {
    title: api.title,
    source: { kind, path: source.openapi ?? (kind === 'brief' && !/\s/.test(source.brief!.trim()) ? source.brief! : null), operations: api.operations.length, paths: api.paths },
    method: METHOD_NOTE,
    contexts: clustering.contexts,
    sharedKernel: clustering.sharedKernel,
    order,
    phases,
    warnings,
  };
}
