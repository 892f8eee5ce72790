import { z } from 'zod';

// The pieces every route definition repeats: a JSON body, a JSON answer, a documented row.

export const json = <S extends z.ZodType>(schema: S, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

export const body = <S extends z.ZodType>(schema: S) => ({ content: { 'application/json': { schema } }, required: true });

/** Push bodies take rows as loose objects so one bad row never fails the others; this documents a row's shape. */
export function documentRowSchema(app: { openAPIRegistry: OpenAPIRegistryLike }, name: string, schema: z.ZodType): void {
  const { $schema: _, ...jsonSchema } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
  app.openAPIRegistry.registerComponent('schemas', name, jsonSchema as never);
}

interface OpenAPIRegistryLike {
  registerComponent(type: 'schemas', name: string, component: never): unknown;
}
