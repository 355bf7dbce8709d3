// Structured logging; secrets are redacted here once so no call site has to remember.
import type { LoggerOptions } from 'pino';

/** Paths that never reach a log line: credentials, cookies, tokens. */
export const redactedPaths = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.newPassword',
  '*.currentPassword',
  '*.token',
  '*.csrfToken',
  'password',
  'token',
];

/** Pino options shared by the HTTP server and the command line. */
export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    redact: { paths: redactedPaths, censor: '[redacted]' },
    serializers: {
      // Query strings can carry tokens from old links; log the path only.
      req(request: { method: string; url: string; id: string }) {
        return { method: request.method, url: request.url.split('?')[0], id: request.id };
      },
    },
  };
}
