import type { z } from 'zod';

/**
 * One MCP tool: a zod input schema (strict: unknown arguments are errors), a zod output schema
 * (the tool's structured content), and a thin handler that calls the library and returns the
 * structured result plus a text rendering of it.
 */
export interface ToolResult<O> {
  structured: O;
  text: string;
}

export interface ToolDef<I extends z.ZodObject, O extends z.ZodObject> {
  name: string;
  title: string;
  description: string;
  input: I;
  output: O;
  annotations?: { readOnlyHint?: boolean; destructiveHint?: boolean; idempotentHint?: boolean; openWorldHint?: boolean };
  run(args: z.infer<I>): Promise<ToolResult<z.infer<O>>>;
}

// The registry holds tools of different schemas; each tool is type-checked where it is defined.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyTool = ToolDef<any, any>;

export function defineTool<I extends z.ZodObject, O extends z.ZodObject>(t: ToolDef<I, O>): ToolDef<I, O> {
  return t;
}
