// Reading the media type of a request, for routes that accept raw uploads.
import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';

/** The media type of a Content-Type header without its parameters, lower-cased. */
export function mediaTypeOf(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

/**
 * An onRequest hook that refuses an upload whose declared type `check` rejects (by throwing),
 * before a byte of the body is read.
 */
export function guardMediaType(check: (mediaType: string) => void) {
  return (request: FastifyRequest, _reply: FastifyReply, done: HookHandlerDoneFunction): void => {
    try {
      check(mediaTypeOf(request.headers['content-type']));
      done();
    } catch (error) {
      done(error as Error);
    }
  };
}
