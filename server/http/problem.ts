// Errors that carry their HTTP answer; thrown anywhere, turned into problem+json in one place.
import type { FieldProblem, ProblemCode } from '../../common/problem.ts';

const titles: Record<number, string> = {
  400: 'Bad request',
  401: 'Not signed in',
  403: 'Forbidden',
  404: 'Not found',
  409: 'Conflict',
  413: 'Too large',
  415: 'Unsupported media type',
  429: 'Too many requests',
  500: 'Internal error',
};

/** An error whose status, code and detail reach the client as application/problem+json. */
export class HttpProblem extends Error {
  readonly status: number;
  readonly code: ProblemCode;
  readonly errors: FieldProblem[] | undefined;
  readonly headers: Record<string, string>;
  constructor(
    status: number,
    code: ProblemCode,
    detail: string,
    extra: { errors?: FieldProblem[]; headers?: Record<string, string> } = {},
  ) {
    super(detail);
    this.status = status;
    this.code = code;
    this.errors = extra.errors;
    this.headers = extra.headers ?? {};
  }

  get title(): string {
    return titles[this.status] ?? 'Error';
  }
}

/** 400 for one named field, for rules a schema cannot express. */
export function badInput(field: string, message: string, code = 'invalid'): HttpProblem {
  return new HttpProblem(400, 'validation_failed', `${field}: ${message}`, {
    errors: [{ field, code, message }],
  });
}

/** 401: the request needs a signed-in person. */
export function unauthenticated(): HttpProblem {
  return new HttpProblem(401, 'unauthenticated', 'Sign in to do this.');
}

/** 403: signed in, but this person may not do this. */
export function forbidden(detail = 'Your role does not allow this.'): HttpProblem {
  return new HttpProblem(403, 'forbidden', detail);
}

/** 404: nothing here, or nothing this person may know exists. */
export function notFound(what = 'This item'): HttpProblem {
  return new HttpProblem(404, 'not_found', `${what} does not exist or is not visible to you.`);
}

/** 409: the request clashes with the current state. */
export function conflict(detail: string, code: ProblemCode = 'conflict'): HttpProblem {
  return new HttpProblem(409, code, detail);
}
