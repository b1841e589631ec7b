import type { z } from 'zod';
import type { ToolOutput } from './_page.js';
import type { PathKind } from './_roots.js';

/**
 * One MCP tool: a zod input schema (strict: unknown arguments are errors), a zod output schema of
 * its structured content (the head plus its sections, each optional because a page holds only some
 * of them; the server adds `page`), and a thin handler that calls the library and returns a head, a
 * summary and the long lists as sections for the pager (src/mcp/_page.ts).
 */

export interface ToolContext {
  /**
   * Check a path argument against the folders the tool may use (src/mcp/_roots.ts) and return the
   * path to hand to the library. Throws an ArchieError naming the argument and the allowed folders.
   */
  path(arg: string, value: string, kind: PathKind): Promise<string>;
  /**
   * A brief argument: text when it has whitespace (or `text` is set), else a file path, checked.
   * Returns what to hand to the library and whether it is text.
   */
  brief(arg: string, value: string, text?: boolean): Promise<{ value: string; text: boolean }>;
}

export interface Annotations {
  readOnlyHint?: boolean;
  destructiveHint?: boolean;
  idempotentHint?: boolean;
  openWorldHint?: boolean;
}

export interface ToolDef<I extends z.ZodObject> {
  name: string;
  title: string;
  description: string;
  input: I;
  output: z.ZodObject;
  annotations: Annotations;
  run(args: z.infer<I>, ctx: ToolContext): Promise<ToolOutput>;
}

// The registry holds tools of different schemas; each tool is type-checked where it is defined.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyTool = ToolDef<any>;

export function defineTool<I extends z.ZodObject>(t: ToolDef<I>): ToolDef<I> {
  return t;
}

/** `n thing(s)`, with thousands separators. */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}
