// The signed-in person's own account under /api/v1/me.
import { z } from 'zod';
import {
  deleteAccountRequest,
  personalDataExport,
  profile,
  updateProfileRequest,
} from '../../../common/account.ts';
import { clearSessionCookie, guardSignedIn, requireAuth } from '../../http/auth.ts';
import type { App, AppContext } from '../../http/context.ts';
import { presentExport, presentProfile } from './accounts.presenter.ts';
import { deleteMyAccount, exportMyData, updateMyProfile } from './accounts.service.ts';

const tags = ['account'];
/** The file name a browser saves the export under. */
export const EXPORT_FILE_NAME = 'stadshart-mijn-gegevens.json';

/** Registers the profile, export and account deletion endpoints. */
export function registerAccountRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/me',
    {
      onRequest: guardSignedIn,
      schema: { tags, summary: 'Your profile', response: { 200: profile } },
    },
    (request) => presentProfile(requireAuth(request).user),
  );

  app.patch(
    '/me',
    {
      onRequest: guardSignedIn,
      schema: {
        tags,
        summary: 'Change your name, function, municipality or language',
        body: updateProfileRequest,
        response: { 200: profile },
      },
    },
    async (request) => {
      const auth = requireAuth(request);
      return presentProfile(await updateMyProfile(ctx, auth, request.body));
    },
  );

  app.get(
    '/me/export',
    {
      onRequest: guardSignedIn,
      schema: {
        tags,
        summary: 'Download everything Stadshart holds about you, as JSON',
        response: { 200: personalDataExport },
      },
    },
    async (request, reply) => {
      const auth = requireAuth(request);
      const data = presentExport(await exportMyData(ctx, auth));
      void reply
        .header('content-disposition', `attachment; filename="${EXPORT_FILE_NAME}"`)
        .header('cache-control', 'no-store');
      return data;
    },
  );

  app.delete(
    '/me',
    {
      onRequest: guardSignedIn,
      schema: {
        tags,
        summary: 'Delete your account, memberships and sessions',
        body: deleteAccountRequest,
        response: { 204: z.null().describe('Deleted') },
      },
    },
    async (request, reply) => {
      const auth = requireAuth(request);
      await deleteMyAccount(ctx, auth, request.body.confirmEmail);
      clearSessionCookie(reply, ctx);
      return reply.status(204).send(null);
    },
  );
}
