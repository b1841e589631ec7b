import { rules as coreRules } from './rules/core/index.js';
import { rules as manifestRules } from './rules/manifest/index.js';
import { diffRules, rules as openApiRules } from './rules/openapi/index.js';
import { rules as sqlRules } from './rules/sql/index.js';
import type { RuleMeta } from './types.js';

/** Every registered rule of every domain, by id. The catalog test walks this list. */
export function allRules(): RuleMeta[] {
  const metas = [...openApiRules, ...diffRules, ...sqlRules, ...manifestRules, ...coreRules].map((r) => r.meta);
  return metas.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
