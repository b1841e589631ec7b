import type { Entity, Field } from '../../model/design.js';
import type { YamlValue } from '../_yaml.js';

/**
 * Entity fields as JSON Schema (2020-12, the dialect of OpenAPI 3.1; AsyncAPI's default schema
 * format accepts the same keywords we use). Shared by openapi.yaml and asyncapi.yaml.
 */

export type Schema = { [key: string]: YamlValue | undefined };

/** Largest integer a JSON reader in JavaScript keeps exactly (I-JSON, RFC 7493). */
const SAFE_INTEGER = Number.MAX_SAFE_INTEGER;
const INT32 = { min: -2147483648, max: 2147483647 };

/** numeric(19,4): 15 digits before the point, 4 after. */
const DECIMAL_19_4 = '^-?[0-9]{1,15}(\\.[0-9]{1,4})?$';
const DECIMAL = '^-?[0-9]{1,28}(\\.[0-9]{1,10})?$';

function exampleOf(f: Field): YamlValue {
  const x = f.example;
  switch (f.type) {
    case 'money':
    case 'decimal':
      return String(x);
    case 'integer':
    case 'bigint':
    case 'double':
      return typeof x === 'number' ? x : Number(x);
    case 'boolean':
      return typeof x === 'boolean' ? x : x === 'true';
    case 'json': {
      // A JSON field's example is the value itself, not its text: the schema says type object.
      if (typeof x !== 'string') return {};
      try {
        const v = JSON.parse(x) as unknown;
        return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as YamlValue) : {};
      } catch {
        return {};
      }
    }
    default:
      return typeof x === 'string' ? x : String(x);
  }
}

/** Range of a decimal carried as a string (JSON Schema's minimum and maximum apply to numbers only). */
function rangeNote(f: Field): string {
  if (f.min !== null && f.max !== null) return ` From ${f.min} to ${f.max}.`;
  if (f.min !== null) return ` At least ${f.min}.`;
  if (f.max !== null) return ` At most ${f.max}.`;
  return '';
}

function bounds(f: Field, lo: number, hi: number): Schema {
  return { minimum: f.min ?? lo, maximum: f.max ?? hi };
}

/** The schema of one field's value, without nullability or readOnly. */
function valueSchema(f: Field): Schema {
  switch (f.type) {
    case 'uuid':
      return { type: 'string', format: 'uuid' };
    case 'text':
    case 'short-text':
      return { type: 'string', ...(f.maxLength !== null && { maxLength: f.maxLength }) };
    case 'integer':
      return { type: 'integer', format: 'int32', ...bounds(f, INT32.min, INT32.max) };
    case 'bigint':
      return { type: 'integer', format: 'int64', ...bounds(f, -SAFE_INTEGER, SAFE_INTEGER) };
    case 'double':
      return { type: 'number', format: 'double', ...(f.min !== null && { minimum: f.min }), ...(f.max !== null && { maximum: f.max }) };
    case 'money':
      return { type: 'string', format: 'decimal', pattern: DECIMAL_19_4, maxLength: 21, description: `Decimal amount as a string (up to 15 digits and 4 decimals), so no precision is lost in JSON.${rangeNote(f)}` };
    case 'decimal':
      return { type: 'string', format: 'decimal', pattern: DECIMAL, maxLength: 40, ...(rangeNote(f) && { description: rangeNote(f).trim() }) };
    case 'boolean':
      return { type: 'boolean' };
    case 'timestamp':
      return { type: 'string', format: 'date-time' };
    case 'date':
      return { type: 'string', format: 'date' };
    case 'json':
      return { type: 'object', maxProperties: 100 };
    case 'enum':
      return { type: 'string', enum: f.values ?? [] };
    case 'bytes':
      return { type: 'string', contentEncoding: 'base64', ...(f.maxLength !== null && { maxLength: Math.ceil(f.maxLength / 3) * 4 }) };
  }
}

export interface FieldSchemaOptions {
  /** Mark server-generated fields readOnly (response schemas). */
  readOnly?: boolean;
  /** Drop null from the type even when the column is nullable (query filters). */
  nonNull?: boolean;
}

/** A field as a property schema: description, type (with null when nullable), bounds, example. */
export function fieldSchema(f: Field, o: FieldSchemaOptions = {}): Schema {
  const v = valueSchema(f);
  const { description: typeNote, ...rest } = v;
  const nullable = f.nullable && !o.nonNull;
  const type = nullable ? [rest.type as string, 'null'] : rest.type;
  const enumValues = nullable && Array.isArray(rest.enum) ? [...rest.enum, null] : rest.enum;
  const description = [f.description, typeof typeNote === 'string' ? typeNote : '', f.personal ? 'Personal data.' : ''].filter(Boolean).join(' ');
  return {
    description,
    ...rest,
    type,
    ...(enumValues !== undefined && { enum: enumValues }),
    ...(o.readOnly && f.serverGenerated && { readOnly: true }),
    examples: [exampleOf(f)],
  };
}

/** The field that holds an entity's identifier (the `id` key column, else the first key column). */
export function idField(e: Entity): Field {
  return e.fields.find((f) => f.primaryKey && f.name === 'id') ?? e.fields.find((f) => f.primaryKey) ?? e.fields[0]!;
}

/** `conversationId` for Conversation: the name of a path parameter holding the entity's id. */
export function idParamName(e: Entity): string {
  return `${e.name[0]!.toLowerCase()}${e.name.slice(1)}Id`;
}
