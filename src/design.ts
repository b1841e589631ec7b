import { readBrief, briefFromText, resolve } from './brief/index.js';
import type { BriefInput } from './brief/input.js';
import type { Design } from './model/design.js';
import { plan, type PlanOptions } from './plan/index.js';

export interface DesignOptions extends PlanOptions {
  /** Treat the argument as brief text even if it looks like a path. */
  text?: boolean;
}

/**
 * Design a system from a brief: free text, or a path to a YAML/JSON brief.
 *
 * @example
 * ```ts
 * import { design } from 'archie';
 * const d = await design('Real-time chat for 2M daily users, team of 6, GDPR');
 * console.log(d.overview.style, d.capacity.figures.find((f) => f.id === 'peak-rps'));
 * ```
 */
export async function design(brief: string, options: DesignOptions = {}): Promise<Design> {
  const input = options.text ? briefFromText(brief) : await readBrief(brief);
  return designFromInput(input, options);
}

/** Design from an already parsed brief (the CLI and MCP use this after their own reading). */
export function designFromInput(input: BriefInput, options: PlanOptions = {}): Design {
  const resolved = resolve(input);
  const limits: PlanOptions['limits'] = { ...options.limits };
  for (const [k, v] of Object.entries(input.limits)) {
    if (v && limits[k as keyof typeof limits] === undefined) limits[k as keyof typeof limits] = v.value;
  }
  return plan(resolved, { limits });
}
