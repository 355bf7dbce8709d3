// The public knowledge base as server-rendered HTML: /kennisbank (search), /kennisbank/<slug>
// (an item), /kennisbank/feed.atom, and the stylesheet and fonts those pages use. No scripts, no
// request to another host. Registered outside /api/v1; explicit routes win over the web app's
// catch-all, so these paths never fall through to the single-page app.
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { SESSION_COOKIE } from '../../../common/auth.ts';
import { searchQuery } from '../../../common/knowledge.ts';
import type { App, AppContext } from '../../http/context.ts';
import {
  FONTS_PATH,
  readFont,
  readStylesheet,
  STYLESHEET_PATH,
  stylesheetHref,
} from './public-site.assets.ts';
import { feedUpdated, renderAtomFeed } from './public-site.feed.ts';
import { localeOf } from './public-site.messages.ts';
import {
  FEED_PATH,
  KNOWLEDGE_PATH,
  renderBadRequestPage,
  renderItemPage,
  renderNotFoundPage,
  renderSearchPage,
  renderServerErrorPage,
  type PageFrame,
} from './public-site.pages.ts';
import {
  ASSET_MAX_AGE_S,
  cacheControlOf,
  FEED_MAX_AGE_S,
  isSearchPubliclyCacheable,
} from './public-site.policy.ts';
import {
  listFeedItems,
  readItem,
  readItemHead,
  resolvePublicViewer,
  searchItems,
} from './public-site.service.ts';

const HTML = 'text/html; charset=utf-8';
const hidden = { schema: { hide: true } };
const slugParams = z.object({ slug: z.string().max(200) });

function frameOf(ctx: AppContext, request: FastifyRequest): PageFrame {
  const query = request.query as Record<string, unknown> | undefined;
  return {
    locale: localeOf(query?.lang),
    publicUrl: ctx.config.PUBLIC_URL,
    stylesheetHref: stylesheetHref(),
    currentPath: request.url,
  };
}

function etagOf(body: string): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}

// Compares the client's validators (RFC 9110 §13.1): If-None-Match wins when both are present.
function isNotModified(request: FastifyRequest, etag: string | null, lastModified: Date | null) {
  const ifNoneMatch = request.headers['if-none-match'];
  if (ifNoneMatch !== undefined) {
    if (etag === null) return false;
    return ifNoneMatch
      .split(',')
      .map((tag) => tag.trim().replace(/^W\//, ''))
      .some((tag) => tag === '*' || tag === etag);
  }
  const since = request.headers['if-modified-since'];
  if (since === undefined || lastModified === null) return false;
  const sinceMs = Date.parse(since);
  return !Number.isNaN(sinceMs) && Math.floor(lastModified.getTime() / 1000) * 1000 <= sinceMs;
}

/** Sends a body with validators, or 304 when the client's copy is current. */
function sendCached(
  request: FastifyRequest,
  reply: FastifyReply,
  input: { type: string; body: string | Buffer; cacheControl: string; lastModified?: Date | null },
) {
  const etag = etagOf(typeof input.body === 'string' ? input.body : input.body.toString('base64'));
  void reply.header('cache-control', input.cacheControl).header('etag', etag);
  if (input.lastModified) void reply.header('last-modified', input.lastModified.toUTCString());
  if (isNotModified(request, etag, input.lastModified ?? null)) return reply.code(304).send();
  return reply.type(input.type).send(input.body);
}

function sendPage(reply: FastifyReply, status: number, body: string) {
  return reply.code(status).type(HTML).header('cache-control', 'private, no-cache').send(body);
}

/** Registers the public pages, the feed and their assets. */
export function registerPublicSiteRoutes(app: App, ctx: AppContext): void {
  // One error page for every route here: HTML for people, the details only in the log.
  const guarded =
    (handler: (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>) =>
    async (request: FastifyRequest, reply: FastifyReply) => {
      try {
        return await handler(request, reply);
      } catch (error) {
        request.log.error({ err: error }, 'public page failed');
        return sendPage(reply, 500, renderServerErrorPage(frameOf(ctx, request)));
      }
    };

  app.get(STYLESHEET_PATH, hidden, (request, reply) => {
    const sheet = readStylesheet();
    void reply
      .header('cache-control', `public, max-age=${ASSET_MAX_AGE_S}, immutable`)
      .header('etag', sheet.etag);
    if (isNotModified(request, sheet.etag, null)) return reply.code(304).send();
    return reply.type('text/css; charset=utf-8').send(sheet.body);
  });

  app.get(`${FONTS_PATH}/:file`, hidden, (request, reply) => {
    const { file } = request.params as { file: string };
    const font = readFont(file);
    if (!font) return reply.code(404).type('text/plain; charset=utf-8').send('Not found');
    void reply
      .header('cache-control', `public, max-age=${ASSET_MAX_AGE_S}, immutable`)
      .header('etag', font.etag);
    if (isNotModified(request, font.etag, null)) return reply.code(304).send();
    return reply.type('font/woff2').send(font.body);
  });

  app.get(
    FEED_PATH,
    hidden,
    guarded(async (request, reply) => {
      const rows = await listFeedItems(ctx);
      const body = renderAtomFeed(rows, {
        publicUrl: ctx.config.PUBLIC_URL,
        locale: frameOf(ctx, request).locale,
      });
      return sendCached(request, reply, {
        type: 'application/atom+xml; charset=utf-8',
        body,
        cacheControl: cacheControlOf(true, FEED_MAX_AGE_S),
        lastModified: rows.length > 0 ? feedUpdated(rows) : null,
      });
    }),
  );

  app.get(
    KNOWLEDGE_PATH,
    hidden,
    guarded(async (request, reply) => {
      const frame = frameOf(ctx, request);
      void reply.header('vary', 'Cookie');
      const parsed = searchQuery.safeParse(request.query);
      if (!parsed.success) {
        const problems = parsed.error.issues.map((issue) => ({
          field: String(issue.path[0] ?? 'q'),
          message: issue.message,
        }));
        return sendPage(reply, 400, renderBadRequestPage(frame, problems));
      }
      const viewer = await resolvePublicViewer(ctx, request.cookies[SESSION_COOKIE]);
      const result = await searchItems(ctx, viewer, parsed.data);
      const isPublic = isSearchPubliclyCacheable(viewer);
      return sendCached(request, reply, {
        type: HTML,
        body: renderSearchPage(frame, parsed.data, result, { personal: !isPublic }),
        cacheControl: cacheControlOf(isPublic),
      });
    }),
  );

  app.get(
    `${KNOWLEDGE_PATH}/:slug`,
    hidden,
    guarded(async (request, reply) => {
      const frame = frameOf(ctx, request);
      void reply.header('vary', 'Cookie');
      const params = slugParams.safeParse(request.params);
      if (!params.success) return sendPage(reply, 404, renderNotFoundPage(frame));
      const viewer = await resolvePublicViewer(ctx, request.cookies[SESSION_COOKIE]);
      const head = await readItemHead(ctx, viewer, params.data.slug);
      if (!head) return sendPage(reply, 404, renderNotFoundPage(frame));
      const cacheControl = cacheControlOf(head.isPublic);
      // A repeat visit that only sends If-Modified-Since is answered without reading the item.
      if (
        request.headers['if-none-match'] === undefined &&
        isNotModified(request, null, head.lastModified)
      ) {
        return reply
          .code(304)
          .header('cache-control', cacheControl)
          .header('last-modified', head.lastModified.toUTCString())
          .send();
      }
      const item = await readItem(ctx, viewer, params.data.slug);
      if (!item) return sendPage(reply, 404, renderNotFoundPage(frame));
      return sendCached(request, reply, {
        type: HTML,
        body: renderItemPage(frame, item, head),
        cacheControl,
        lastModified: head.lastModified,
      });
    }),
  );
}
