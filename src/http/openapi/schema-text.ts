/**
 * A JSON Schema of the document written the way a developer reads a type: `{ id: string,
 * parentId?: string | null }`, one property a line, with its limits and description as a
 * trailing comment. References stay names (`Comment`), listed once at the end of /docs.
 */

export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  additionalProperties?: boolean | JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  description?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
  format?: string;
  default?: unknown;
}

const INDENT = '  ';

/** The name of a `#/components/schemas/Name` reference. */
export const refName = (ref: string): string => ref.slice(ref.lastIndexOf('/') + 1);

export function schemaText(schema: JsonSchema, depth = 0): string {
  if (schema.$ref) return refName(schema.$ref);
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants) return variants.map((v) => schemaText(v, depth)).join(' | ');
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (schema.enum) return schema.enum.map((v) => JSON.stringify(v)).join(' | ');
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  if (types.length === 0) return 'any';
  return types.map((type) => typeText(type, schema, depth)).join(' | ');
}

function typeText(type: string, schema: JsonSchema, depth: number): string {
  if (type === 'array') return `Array<${schema.items ? schemaText(schema.items, depth) : 'any'}>`;
  if (type !== 'object') return type;
  if (schema.properties) return objectText(schema, depth);
  const values = schema.additionalProperties;
  return values && values !== true ? `Record<string, ${schemaText(values, depth)}>` : 'object';
}

function objectText(schema: JsonSchema, depth: number): string {
  const inner = INDENT.repeat(depth + 1);
  const required = new Set(schema.required ?? []);
  const lines = Object.entries(schema.properties ?? {}).map(([name, property]) => {
    const note = notesOf(property);
    return `${inner}${name}${required.has(name) ? '' : '?'}: ${schemaText(property, depth + 1)}${note ? `  // ${note}` : ''}`;
  });
  return `{\n${lines.join('\n')}\n${INDENT.repeat(depth)}}`;
}

/** Limits, format, default and description of one schema, as a short comment. */
export function notesOf(schema: JsonSchema): string {
  const notes: string[] = [];
  const range = (min?: number, max?: number, unit = '') =>
    min !== undefined && max !== undefined
      ? `${min}–${max}${unit}`
      : min !== undefined
        ? `≥ ${min}${unit}`
        : max !== undefined
          ? `≤ ${max}${unit}`
          : '';
  const length = range(schema.minLength, schema.maxLength, ' chars');
  const value = range(schema.minimum, schema.maximum);
  const items = range(schema.minItems, schema.maxItems, ' items');
  for (const note of [length, value, items]) if (note) notes.push(note);
  if (schema.format) notes.push(schema.format);
  if (schema.pattern) notes.push(`pattern ${schema.pattern}`);
  if (schema.default !== undefined) notes.push(`default ${JSON.stringify(schema.default)}`);
  if (schema.description) notes.push(schema.description);
  return notes.join('; ');
}
