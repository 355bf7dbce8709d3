// Turns every error into application/problem+json, so clients meet one error shape.
import { DrizzleQueryError } from 'drizzle-orm';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { FieldProblem, Problem } from '../../common/problem.ts';
import type { App } from './context.ts';
import { HttpProblem } from './problem.ts';

function send(reply: FastifyReply, request: FastifyRequest, problem: HttpProblem): FastifyReply {
  const body: Problem = {
    type: `about:blank`,
    title: problem.title,
    status: problem.status,
    detail: problem.message,
    code: problem.code,
    instance: request.url.split('?')[0],
    ...(problem.errors ? { errors: problem.errors } : {}),
  };
  return reply
    .status(problem.status)
    .headers(problem.headers)
    .type('application/problem+json; charset=utf-8')
    .serializer(JSON.stringify)
    .send(body);
}

/**
 * What of an unexpected error may be logged. A failed query's message carries its parameters
 * (addresses, hashes, tokens), so only the SQL text and the driver's code and message are kept.
 */
export function loggableError(error: unknown): unknown {
  if (!(error instanceof DrizzleQueryError)) return error;
  const cause: (Error & { code?: string }) | undefined = error.cause;
  return {
    type: 'DrizzleQueryError',
    query: error.query,
    cause: cause ? { message: cause.message, code: cause.code } : undefined,
    // The stack starts with the message, parameters included; keep only the frames.
    stack: error.stack
      ?.split('\n')
      .filter((line) => line.trimStart().startsWith('at '))
      .join('\n'),
  };
}

function describeField(path: string, message: string): string {
  return path ? `${path}: ${message}` : message;
}

/** Maps thrown errors (ours, zod's, Fastify's) to problem responses. */
export function registerErrorHandling(app: App): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof HttpProblem) return send(reply, request, error);
    if (hasZodFastifySchemaValidationErrors(error)) {
      const fields: FieldProblem[] = error.validation.map((issue) => {
        const path = issue.instancePath.replace(/^\//, '').replaceAll('/', '.');
        return {
          field: path || error.validationContext || 'body',
          code: issue.keyword,
          message: issue.message ?? 'is not valid',
        };
      });
      const detail = fields.map((f) => describeField(f.field, f.message)).join('; ');
      return send(
        reply,
        request,
        new HttpProblem(400, 'validation_failed', detail, { errors: fields }),
      );
    }
    if (error.statusCode === 429) {
      const retryAfter = String(reply.getHeader('retry-after') ?? '60');
      return send(
        reply,
        request,
        new HttpProblem(
          429,
          'rate_limited',
          `Too many attempts; try again in ${retryAfter} seconds.`,
          {
            headers: { 'retry-after': retryAfter },
          },
        ),
      );
    }
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return send(
        reply,
        request,
        new HttpProblem(
          413,
          'payload_too_large',
          'The request body is larger than this endpoint accepts.',
        ),
      );
    }
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return send(
        reply,
        request,
        new HttpProblem(
          415,
          'unsupported_media_type',
          'This endpoint does not accept that Content-Type.',
        ),
      );
    }
    if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
      return send(reply, request, new HttpProblem(400, 'validation_failed', error.message));
    }
    request.log.error({ err: loggableError(error) }, 'unhandled error');
    return send(
      reply,
      request,
      new HttpProblem(
        500,
        'internal',
        'Something went wrong on our side; the error has been logged.',
      ),
    );
  });
  app.setNotFoundHandler((request, reply) =>
    send(
      reply,
      request,
      new HttpProblem(
        404,
        'not_found',
        `There is no ${request.method} ${request.url.split('?')[0]}.`,
      ),
    ),
  );
}
