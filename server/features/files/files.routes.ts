// Images of knowledge items under /api/v1/orgs/:orgSlug/knowledge/:itemId/images, and the bytes of
// stored files at /files/:fileId (outside /api, so <img> and the public pages can point at them).
import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { SESSION_COOKIE } from '../../../common/auth.ts';
import {
  IMAGE_ALT_MAX,
  IMAGE_MAX_BYTES,
  imageMediaTypes,
  knowledgeImage,
  knowledgeImageParams,
  knowledgeItemParams,
  updateImageRequest,
} from '../../../common/knowledge.ts';
import { guardOrgMember, requireOrgRole } from '../../http/auth.ts';
import type { App, AppContext } from '../../http/context.ts';
import { mediaTypeOf } from '../../http/media.ts';
import { HttpProblem, notFound } from '../../http/problem.ts';
import { resolveSession } from '../auth/sessions.service.ts';
import { knowledgeViewerOf } from '../knowledge/knowledge.viewer.ts';
import {
  addItemImage,
  assertMayAddImage,
  changeImageAlt,
  readServedFile,
  removeItemImage,
  UPLOAD_ALT_FIELD,
  UPLOAD_FILE_FIELD,
} from './files.service.ts';
import { asciiFileName, describeBytes } from './files.sniff.ts';

const tags = ['knowledge base'];
const noContent = z.null().describe('No content');
const MULTIPART = 'multipart/form-data';
// Room for the multipart framing and the alt field around the largest image.
const UPLOAD_OVERHEAD_BYTES = 64 * 1024;
const PUBLIC_CACHE = 'public, max-age=31536000, immutable';
// A draft's image must not sit in a shared cache, and a browser must ask again (the item may be
// unpublished or the person signed out meanwhile); the ETag keeps that cheap.
const PRIVATE_CACHE = 'private, no-cache';

function checkMultipart(mediaType: string): void {
  if (mediaType !== MULTIPART) {
    throw new HttpProblem(
      415,
      'unsupported_media_type',
      `Send the image as ${MULTIPART} with the fields "${UPLOAD_FILE_FIELD}" and "${UPLOAD_ALT_FIELD}".`,
    );
  }
}

/**
 * Runs before the body is read, in the order a stranger may learn things: (401/404 org from the
 * scope's guard,) the item and the right to change it (404/403), room for one more (409), then a
 * multipart body (415). Nothing is uploaded to someone who would be refused anyway.
 */
function guardUpload(ctx: AppContext) {
  return async (request: FastifyRequest): Promise<void> => {
    const params = knowledgeItemParams.safeParse(request.params);
    // Malformed parameters are left to the schema, which names the field.
    if (!params.success) return;
    await assertMayAddImage(ctx, requireOrgRole(request, params.data.orgSlug), params.data.itemId);
    checkMultipart(mediaTypeOf(request.headers['content-type']));
  };
}

// The upload has its own scope so the multipart parser and its larger limit reach no other route.
function registerUpload(scope: App, ctx: AppContext): void {
  void scope.register(multipart, {
    limits: {
      fileSize: IMAGE_MAX_BYTES,
      files: 1,
      fields: 3,
      parts: 5,
      fieldNameSize: 100,
      // Four bytes per character at most, plus room for the trimmed white space.
      fieldSize: IMAGE_ALT_MAX * 4 + 1024,
      headerPairs: 20,
    },
  });
  scope.post(
    '/orgs/:orgSlug/knowledge/:itemId/images',
    {
      bodyLimit: IMAGE_MAX_BYTES + UPLOAD_OVERHEAD_BYTES,
      onRequest: guardUpload(ctx),
      schema: {
        tags,
        summary: 'Add an image to an item (whoever may edit it)',
        description: `${MULTIPART} with the fields "${UPLOAD_FILE_FIELD}" (the image) and "${UPLOAD_ALT_FIELD}" (what it shows, required, at most ${IMAGE_ALT_MAX} characters). Accepted: ${imageMediaTypes.join(', ')}, recognised by the first bytes whatever the name or declared type says; at most ${describeBytes(IMAGE_MAX_BYTES)}. The image is then served at /files/<id>.`,
        consumes: [MULTIPART],
        params: knowledgeItemParams,
        response: { 201: knowledgeImage },
      },
    },
    async (request, reply) => {
      const actor = requireOrgRole(request, request.params.orgSlug);
      // The multipart parser reads nothing by itself: the service checks who may add an image
      // (and whether there is room) before the first byte of the upload is read.
      const image = await addItemImage(ctx, actor, request.params.itemId, request.parts());
      return reply.status(201).send(image);
    },
  );
}

/** Registers the image endpoints under /api/v1 and the file serving at /files/:fileId. */
export function registerFileRoutes(app: App, ctx: AppContext): void {
  void app.register(
    (scope: App, _opts, done) => {
      scope.addHook('onRequest', guardOrgMember);

      void scope.register((uploadScope: App, _uploadOpts, uploadDone) => {
        registerUpload(uploadScope, ctx);
        uploadDone();
      });

      scope.patch(
        '/orgs/:orgSlug/knowledge/:itemId/images/:imageId',
        {
          schema: {
            tags,
            summary: "Change an image's alt text (whoever may edit the item)",
            params: knowledgeImageParams,
            body: updateImageRequest,
            response: { 200: knowledgeImage },
          },
        },
        (request) =>
          changeImageAlt(
            ctx,
            requireOrgRole(request, request.params.orgSlug),
            request.params.itemId,
            request.params.imageId,
            request.body.alt,
          ),
      );

      scope.delete(
        '/orgs/:orgSlug/knowledge/:itemId/images/:imageId',
        {
          schema: {
            tags,
            summary: 'Remove an image (whoever may edit the item)',
            params: knowledgeImageParams,
            response: { 204: noContent },
          },
        },
        async (request, reply) => {
          await removeItemImage(
            ctx,
            requireOrgRole(request, request.params.orgSlug),
            request.params.itemId,
            request.params.imageId,
          );
          return reply.status(204).send(null);
        },
      );
      done();
    },
    { prefix: '/api/v1' },
  );

  app.get('/files/:fileId', { schema: { hide: true } }, async (request, reply) => {
    const { fileId } = request.params as { fileId: string };
    // request.auth is only resolved for /api/ URLs; an image asks for the session itself.
    const secret = request.cookies[SESSION_COOKIE];
    const auth = secret ? await resolveSession(ctx.database.db, ctx.config, secret) : null;
    const served = await readServedFile(ctx, knowledgeViewerOf(auth), fileId);
    if (!served) throw notFound('This file');
    const etag = `"${served.file.sha256}"`;
    void reply
      .header('content-type', served.file.mediaType)
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "default-src 'none'; sandbox")
      .header('content-disposition', `inline; filename="${asciiFileName(served.file.fileName)}"`)
      .header('cache-control', served.isPublic ? PUBLIC_CACHE : PRIVATE_CACHE)
      .header('etag', etag);
    if (request.headers['if-none-match'] === etag) {
      served.body.destroy();
      return reply.status(304).send();
    }
    return reply.header('content-length', served.file.byteSize).send(served.body);
  });
}
