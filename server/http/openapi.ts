// The OpenAPI document, generated from the zod schemas of the routes.
import swagger from '@fastify/swagger';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import type { App } from './context.ts';

/** Must be registered before the routes so it sees them all. */
export async function registerOpenApi(app: App): Promise<void> {
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Stadshart API',
        version: '1',
        description:
          'JSON API of Stadshart. Errors are application/problem+json (RFC 9457). Cookie-authenticated mutations need the x-csrf-token header from GET /api/v1/session.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'stadshart_session' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, () => app.swagger());
  // The browsable reference is a page of the web app (/api-reference), built from this document
  // with the same accessible components as the rest of the product; old links still work.
  app.get('/api/docs', { schema: { hide: true } }, (_request, reply) =>
    reply.redirect('/api-reference', 301),
  );
}
