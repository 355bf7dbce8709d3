// Sign-in, sign-out, one-time links and passwords under /api/v1.
import { sessionResponse } from '../../../common/auth.ts';
import type { App, AppContext } from '../../http/context.ts';
import { presentSession } from './auth.presenter.ts';

/** Registers the authentication endpoints. */
export function registerAuthRoutes(app: App, _ctx: AppContext): void {
  app.get(
    '/session',
    { schema: { tags: ['auth'], response: { 200: sessionResponse } } },
    (request) => presentSession(request.auth),
  );
}
