// The OpenAPI document, generated from the zod schemas of the routes, and its reference page.
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
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
  // The reference page serves its own scripts from this host; staticCSP gives it hashes, not 'unsafe-inline'.
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
}
