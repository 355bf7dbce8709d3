// Builds the HTTP application without listening, so tests can use it with app.inject().
import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import websocket from '@fastify/websocket';
import Fastify from 'fastify';
import type { DestinationStream } from 'pino';
import {
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { loggerOptions } from '../logger.ts';
import { registerAccountRoutes } from '../features/accounts/accounts.routes.ts';
import { registerActionRoutes } from '../features/actions/actions.routes.ts';
import { registerAuthRoutes } from '../features/auth/auth.routes.ts';
import { registerFileRoutes } from '../features/files/files.routes.ts';
import { registerHealthRoutes } from '../features/health/health.routes.ts';
import { registerKnowledgeRoutes } from '../features/knowledge/knowledge.routes.ts';
import { registerKnowledgeCollabRoutes } from '../features/knowledge-collab/knowledge-collab.routes.ts';
import { registerJoinRoutes } from '../features/labs/join.routes.ts';
import { registerLabRoutes } from '../features/labs/labs.routes.ts';
import { registerTemplateRoutes } from '../features/labs/templates.routes.ts';
import { registerOrgRoutes } from '../features/orgs/orgs.routes.ts';
import { registerOutboxRoutes } from '../features/outbox/outbox.routes.ts';
import { registerPlacesRoutes } from '../features/places/places.routes.ts';
import { registerPositioningRoutes } from '../features/positioning/positioning.routes.ts';
import { registerPublicSiteRoutes } from '../features/public-site/public-site.routes.ts';
import { registerReportRoutes } from '../features/reports/reports.routes.ts';
import { registerReportExportRoutes } from '../features/reports/reports-export.routes.ts';
import { registerSearchRoutes } from '../features/search/search.routes.ts';
import { registerSynthesisRoutes } from '../features/synthesis/synthesis.routes.ts';
import { registerTrendRoutes } from '../features/trends/trends.routes.ts';
import type { CollabServer } from '../collab/collab.server.ts';
import { registerAuth } from './auth.ts';
import type { App, AppContext } from './context.ts';
import { registerErrorHandling } from './errors.ts';
import { registerOpenApi } from './openapi.ts';
import { registerSecurity } from './security.ts';
import { registerWeb } from './web.ts';

/** Creates the Fastify app with every plugin and route registered, ready for listen() or inject(). */
export async function buildApp(
  ctx: AppContext,
  options: { logger?: boolean; logStream?: DestinationStream; collab?: CollabServer } = {},
): Promise<App> {
  const app = Fastify({
    logger:
      options.logger === false
        ? false
        : {
            ...loggerOptions(ctx.config.LOG_LEVEL),
            ...(options.logStream ? { stream: options.logStream } : {}),
          },
    genReqId: () => randomUUID(),
    trustProxy: ctx.config.TRUST_PROXY,
    bodyLimit: 64 * 1024,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });

  registerErrorHandling(app);
  await registerSecurity(app, ctx);
  await app.register(cookie);
  // Limits are set per route (sign-in, links); nothing is limited globally.
  await app.register(rateLimit, { global: false });
  await registerOpenApi(app);
  registerAuth(app, ctx);

  registerHealthRoutes(app, ctx);
  registerPublicSiteRoutes(app, ctx);
  registerFileRoutes(app, ctx);
  await app.register(
    (api: App, _opts, done) => {
      registerAuthRoutes(api, ctx);
      registerAccountRoutes(api, ctx);
      registerOrgRoutes(api, ctx);
      registerOutboxRoutes(api, ctx);
      registerPlacesRoutes(api, ctx);
      registerLabRoutes(api, ctx);
      registerTemplateRoutes(api, ctx);
      registerTrendRoutes(api, ctx);
      registerJoinRoutes(api, ctx);
      registerPositioningRoutes(api, ctx);
      registerSynthesisRoutes(api, ctx);
      registerActionRoutes(api, ctx);
      registerReportRoutes(api, ctx);
      registerReportExportRoutes(api, ctx);
      registerSearchRoutes(api, ctx);
      registerKnowledgeRoutes(api, ctx);
      registerKnowledgeCollabRoutes(api, ctx);
      done();
    },
    { prefix: '/api/v1' },
  );
  if (options.collab) {
    // Realtime only when a collaboration server is attached (main.ts, collab tests).
    await app.register(websocket, options.collab.websocketOptions);
    options.collab.register(app);
  }
  await registerWeb(app);
  return app;
}
