// The error shape of every API response that is not a success (RFC 9457 problem details).
import { z } from 'zod';

/** One field-level problem: which field, what is wrong, and a code the web app translates. */
export const fieldProblem = z.object({
  field: z.string().describe('Dotted path of the offending field, e.g. "email" or "places.2.name"'),
  code: z.string().describe('Machine-readable reason, e.g. "too_small" or "invalid_format"'),
  message: z.string(),
});
export type FieldProblem = z.infer<typeof fieldProblem>;

/** Stable problem codes; the web app translates these, the `detail` text is for API users. */
export const problemCodes = [
  'validation_failed',
  'unauthenticated',
  'forbidden',
  'csrf_failed',
  'not_found',
  'conflict',
  'rate_limited',
  'invalid_credentials',
  'token_invalid',
  'email_taken',
  'last_admin',
  'account_deactivated',
  'payload_too_large',
  'unsupported_media_type',
  'import_failed',
  'lab_full',
  'lab_closed',
  'participant_removed',
  'join_code_unknown',
  'internal',
] as const;
export const problemCode = z.enum(problemCodes);
export type ProblemCode = z.infer<typeof problemCode>;

/** An application/problem+json body; `errors` lists the fields when the input was wrong. */
export const problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  code: problemCode,
  instance: z.string().optional(),
  errors: z.array(fieldProblem).optional(),
});
export type Problem = z.infer<typeof problem>;
