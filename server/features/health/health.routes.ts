// GET /healthz (the process is up) and GET /readyz (the database is reachable and migrated).
import { healthResponse, readinessResponse } from '../../../common/health.ts';
import type { App, AppContext } from '../../http/context.ts';
import { isDatabaseReachable, isSchemaCurrent } from './health.repo.ts';

/** Registers the liveness and readiness endpoints. */
export function registerHealthRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/healthz',
    { schema: { tags: ['operations'], response: { 200: healthResponse } } },
    () => ({ status: 'ok' as const }),
  );
  app.get(
    '/readyz',
    {
      schema: {
        tags: ['operations'],
        response: { 200: readinessResponse, 503: readinessResponse },
      },
    },
    async (_request, reply) => {
      const database = await isDatabaseReachable(ctx.database);
      const migrations = database && (await isSchemaCurrent(ctx.database));
      const ready = database && migrations;
      return reply.status(ready ? 200 : 503).send({
        status: ready ? 'ready' : 'not_ready',
        checks: { database, migrations },
      });
    },
  );
}
