import { z } from 'zod';
import { DesignSchema } from './design.js';

/** The JSON Schema (draft 2020-12) of design.json, from the zod model. */
export function designSchemaText(): string {
  const schema = z.toJSONSchema(DesignSchema, { target: 'draft-2020-12' }) as Record<string, unknown>;
  return `${JSON.stringify({ $id: 'https://archie.dev/schema/design.schema.json', title: 'archie design', ...schema }, null, 2)}\n`;
}
