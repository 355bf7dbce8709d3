// The parts of an OpenAPI 3 document the reference page shows, read leniently: unknown parts are ignored.
import { z } from 'zod';

const schemaObject = z.record(z.string(), z.unknown());

const parameter = z.object({
  name: z.string(),
  in: z.string(),
  required: z.boolean().optional(),
  description: z.string().optional(),
  schema: schemaObject.optional(),
});

const content = z.record(z.string(), z.object({ schema: schemaObject.optional() })).optional();

const operation = z.object({
  summary: z.string().optional(),
  description: z.string().optional(),
  tags: z.array(z.string()).optional(),
  parameters: z.array(parameter).optional(),
  requestBody: z.object({ content, required: z.boolean().optional() }).optional(),
  responses: z
    .record(z.string(), z.object({ description: z.string().optional(), content }))
    .optional(),
});

export const openApiDocument = z.object({
  info: z.object({ title: z.string(), version: z.string(), description: z.string().optional() }),
  paths: z.record(z.string(), z.record(z.string(), z.unknown())),
});

export type Operation = z.infer<typeof operation>;
export type Parameter = z.infer<typeof parameter>;

const methods = ['get', 'post', 'put', 'patch', 'delete'] as const;

export interface Endpoint {
  method: (typeof methods)[number];
  path: string;
  operation: Operation;
}

/** The endpoints of a document grouped by their first tag, groups and endpoints in a stable order. */
export function groupEndpoints(document: z.infer<typeof openApiDocument>): [string, Endpoint[]][] {
  const groups = new Map<string, Endpoint[]>();
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of methods) {
      const parsed = operation.safeParse(item[method]);
      if (!parsed.success) continue;
      const tag = parsed.data.tags?.[0] ?? 'other';
      groups.set(tag, [...(groups.get(tag) ?? []), { method, path, operation: parsed.data }]);
    }
  }
  return [...groups.entries()];
}

/** A short, readable type for a parameter's schema, e.g. "string (uuid)". */
export function describeType(schema: Record<string, unknown> | undefined): string {
  if (!schema) return '';
  const type = typeof schema.type === 'string' ? schema.type : 'object';
  const format = typeof schema.format === 'string' ? ` (${schema.format})` : '';
  const values = Array.isArray(schema.enum) ? `: ${schema.enum.map(String).join(' | ')}` : '';
  return `${type}${format}${values}`;
}
