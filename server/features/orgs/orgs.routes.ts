// Organisations, their logos and their members under /api/v1/orgs.
import { z } from 'zod';
import {
  changeRoleRequest,
  inviteRequest,
  LOGO_MAX_BYTES,
  logoMediaTypes,
  member,
  memberList,
  memberParams,
  organisation,
  orgParams,
  updateOrganisationRequest,
} from '../../../common/orgs.ts';
import { guardOrgMember, requireAuth, requireOrgRole } from '../../http/auth.ts';
import type { App, AppContext } from '../../http/context.ts';
import { guardMediaType, mediaTypeOf } from '../../http/media.ts';
import {
  changeMemberRole,
  changeOrganisation,
  checkLogoMediaType,
  deactivateMember,
  getLogo,
  getOrganisation,
  inviteMember,
  listMyOrganisations,
  listOrganisationMembers,
  reactivateMember,
  removeLogo,
  replaceLogo,
} from './orgs.service.ts';

const tags = ['organisations'];
const LOGO_CACHE_SECONDS = 300;

// The logo upload lives in its own scope so its raw-image parser reaches no other route.
function registerLogoUpload(scope: App, ctx: AppContext): void {
  scope.addContentTypeParser(
    [...logoMediaTypes],
    { parseAs: 'buffer', bodyLimit: LOGO_MAX_BYTES },
    (_request, body, parsed) => parsed(null, body),
  );
  scope.put(
    '/orgs/:orgSlug/logo',
    {
      onRequest: guardMediaType(checkLogoMediaType),
      schema: {
        tags,
        summary: 'Replace the logo (admin)',
        description: `The request body is the image itself, sent as ${logoMediaTypes.join(', ')}; at most ${LOGO_MAX_BYTES} bytes. The content must match the declared type.`,
        consumes: [...logoMediaTypes],
        params: orgParams,
        response: { 200: organisation },
      },
    },
    (request) => {
      const actor = requireOrgRole(request, request.params.orgSlug);
      const bytes = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      return replaceLogo(ctx, actor, {
        bytes,
        mediaType: mediaTypeOf(request.headers['content-type']),
      });
    },
  );
}

/** Registers the organisation, logo and member endpoints. */
export function registerOrgRoutes(app: App, ctx: AppContext): void {
  void app.register((scope: App, _opts, done) => {
    scope.addHook('onRequest', guardOrgMember);

    scope.get(
      '/orgs',
      {
        schema: {
          tags,
          summary: 'The organisations I am an active member of',
          response: { 200: z.object({ organisations: z.array(organisation) }) },
        },
      },
      async (request) => ({
        organisations: await listMyOrganisations(ctx, requireAuth(request)),
      }),
    );

    scope.get(
      '/orgs/:orgSlug',
      {
        schema: {
          tags,
          summary: 'One organisation (member)',
          params: orgParams,
          response: { 200: organisation },
        },
      },
      (request) => getOrganisation(ctx, requireOrgRole(request, request.params.orgSlug)),
    );

    scope.patch(
      '/orgs/:orgSlug',
      {
        schema: {
          tags,
          summary: 'Rename the organisation or change its colour (admin)',
          params: orgParams,
          body: updateOrganisationRequest,
          response: { 200: organisation },
        },
      },
      (request) =>
        changeOrganisation(ctx, requireOrgRole(request, request.params.orgSlug), request.body),
    );

    void scope.register((logoScope: App, _logoOpts, logoDone) => {
      registerLogoUpload(logoScope, ctx);
      logoDone();
    });

    scope.delete(
      '/orgs/:orgSlug/logo',
      {
        schema: {
          tags,
          summary: 'Remove the logo (admin)',
          params: orgParams,
          response: { 200: organisation },
        },
      },
      (request) => removeLogo(ctx, requireOrgRole(request, request.params.orgSlug)),
    );

    scope.get(
      '/orgs/:orgSlug/logo',
      {
        schema: {
          tags,
          summary: 'The logo image (member)',
          description: 'Answers with the image bytes in their stored media type.',
          params: orgParams,
        },
      },
      async (request, reply) => {
        const logo = await getLogo(ctx, requireOrgRole(request, request.params.orgSlug));
        // An image answer must never be run as a page, whatever someone managed to upload.
        return reply
          .type(logo.mediaType)
          .header('x-content-type-options', 'nosniff')
          .header('content-security-policy', "default-src 'none'")
          .header('cache-control', `private, max-age=${LOGO_CACHE_SECONDS}`)
          .send(logo.bytes);
      },
    );

    scope.get(
      '/orgs/:orgSlug/members',
      {
        schema: {
          tags,
          summary: 'Every member, invited, active or deactivated (admin)',
          params: orgParams,
          response: { 200: memberList },
        },
      },
      (request) => listOrganisationMembers(ctx, requireOrgRole(request, request.params.orgSlug)),
    );

    scope.post(
      '/orgs/:orgSlug/invitations',
      {
        schema: {
          tags,
          summary: 'Invite a person by e-mail (admin)',
          description:
            '201 with a new membership; 200 when the person was invited already and gets a fresh link; 409 when they are an active or deactivated member.',
          params: orgParams,
          body: inviteRequest,
          response: { 200: member, 201: member },
        },
      },
      async (request, reply) => {
        const actor = requireOrgRole(request, request.params.orgSlug);
        const { member: invited, created } = await inviteMember(ctx, actor, request.body);
        return reply.status(created ? 201 : 200).send(invited);
      },
    );

    scope.patch(
      '/orgs/:orgSlug/members/:userId',
      {
        schema: {
          tags,
          summary: "Change a member's role (admin)",
          params: memberParams,
          body: changeRoleRequest,
          response: { 200: member },
        },
      },
      (request) =>
        changeMemberRole(
          ctx,
          requireOrgRole(request, request.params.orgSlug),
          request.params.userId,
          request.body.role,
        ),
    );

    scope.post(
      '/orgs/:orgSlug/members/:userId/deactivate',
      {
        schema: {
          tags,
          summary: 'Deactivate a member and end all their sessions (admin)',
          params: memberParams,
          response: { 200: member },
        },
      },
      (request) =>
        deactivateMember(
          ctx,
          requireOrgRole(request, request.params.orgSlug),
          request.params.userId,
        ),
    );

    scope.post(
      '/orgs/:orgSlug/members/:userId/reactivate',
      {
        schema: {
          tags,
          summary: 'Reactivate a deactivated member (admin)',
          params: memberParams,
          response: { 200: member },
        },
      },
      (request) =>
        reactivateMember(
          ctx,
          requireOrgRole(request, request.params.orgSlug),
          request.params.userId,
        ),
    );

    done();
  });
}
