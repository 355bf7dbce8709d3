// Security headers for every response and /.well-known/security.txt.
import helmet from '@fastify/helmet';
import type { App, AppContext } from './context.ts';

/** Strict CSP (no inline scripts, nothing from other hosts), HSTS behind https, and friends. */
export async function registerSecurity(app: App, ctx: AppContext): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: ctx.config.isHttps ? [] : null,
      },
    },
    hsts: ctx.config.isHttps ? { maxAge: 63072000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'same-origin' },
  });

  app.get('/.well-known/security.txt', { schema: { hide: true } }, (_request, reply) => {
    const expires = new Date(Date.now() + 365 * 24 * 3600 * 1000).toISOString();
    return reply
      .type('text/plain; charset=utf-8')
      .send(
        [
          `Contact: ${ctx.config.SECURITY_CONTACT}`,
          `Expires: ${expires}`,
          'Preferred-Languages: nl, en',
          `Canonical: ${ctx.config.PUBLIC_URL}/.well-known/security.txt`,
          '',
        ].join('\n'),
      );
  });
}
