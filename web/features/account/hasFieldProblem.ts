// Recognises one specific field problem in an API error, for codes the shared words lack.
import { ApiError } from '../../api/client.ts';

/** True when `error` is an API problem naming `field` with `code` (e.g. currentPassword/incorrect). */
export function hasFieldProblem(error: unknown, field: string, code: string): boolean {
  return (
    error instanceof ApiError &&
    (error.problem.errors ?? []).some((problem) => problem.field === field && problem.code === code)
  );
}
