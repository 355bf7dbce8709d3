// Serves the built web app; every path that is not an API path gets index.html (client routing).
import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { App } from './context.ts';

export const webDistDir = path.resolve(import.meta.dirname, '../../dist/web');

/** Serves dist/web when it exists; without a build, API-only (tests) still works. */
export async function registerWeb(app: App): Promise<void> {
  if (!fs.existsSync(path.join(webDistDir, 'index.html'))) return;
  await app.register(fastifyStatic, {
    root: webDistDir,
    index: false,
    wildcard: false,
    maxAge: '1h',
  });
  const indexHtml = fs.readFileSync(path.join(webDistDir, 'index.html'), 'utf8');
  app.get('/*', { schema: { hide: true } }, (request, reply) => {
    const pathname = request.url.split('?')[0] ?? '/';
    if (pathname.startsWith('/api/') || pathname.startsWith('/assets/')) {
      return reply.callNotFound();
    }
    return reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .send(indexHtml);
  });
}
