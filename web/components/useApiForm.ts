// Form state shared by every form: client-side checks with the shared zod schema, server problems mapped to fields.
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { ApiError, NetworkError } from '../api/client.ts';

export interface FormErrors {
  /** A message for the whole form, or null. */
  general: string | null;
  /** Messages per field name (dotted path as the API names it). */
  fields: Record<string, string>;
}

const noErrors: FormErrors = { general: null, fields: {} };

/**
 * Runs a submit: validates `values` with `schema` first (same rules as the server), then calls
 * `action`; any error ends up in `errors` in words a person can act on.
 */
export function useApiForm() {
  const { t } = useTranslation();
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [isSubmitting, setSubmitting] = useState(false);

  const fieldMessage = useCallback(
    (code: string, fallback: string) => {
      const key = `errors.field.${code}`;
      const translated = t(key);
      return translated === key ? fallback : translated;
    },
    [t],
  );

  const describe = useCallback(
    (error: unknown): FormErrors => {
      if (error instanceof NetworkError) return { general: t('errors.network'), fields: {} };
      if (error instanceof ApiError) {
        const fields: Record<string, string> = {};
        for (const problem of error.problem.errors ?? []) {
          fields[problem.field] ??= fieldMessage(problem.code, problem.message);
        }
        const retryAfter = /(\d+) seconds/.exec(error.problem.detail)?.[1] ?? '60';
        return {
          general: t(`errors.codes.${error.problem.code}`, { seconds: retryAfter }),
          fields,
        };
      }
      return { general: t('errors.unexpected'), fields: {} };
    },
    [t, fieldMessage],
  );

  const submit = useCallback(
    async <S extends z.ZodType, R>(
      schema: S,
      values: unknown,
      action: (input: z.infer<S>) => Promise<R>,
    ): Promise<R | undefined> => {
      const parsed = schema.safeParse(values);
      if (!parsed.success) {
        const fields: Record<string, string> = {};
        for (const issue of parsed.error.issues) {
          const field = issue.path.join('.');
          const code = issue.code === 'too_small' && issue.minimum === 1 ? 'required' : issue.code;
          fields[field] ??= fieldMessage(code, issue.message);
        }
        setErrors({ general: null, fields });
        return undefined;
      }
      setSubmitting(true);
      setErrors(noErrors);
      try {
        return await action(parsed.data);
      } catch (error) {
        setErrors(describe(error));
        return undefined;
      } finally {
        setSubmitting(false);
      }
    },
    [describe, fieldMessage],
  );

  return {
    errors,
    setErrors,
    isSubmitting,
    submit,
    describe,
    clearErrors: () => setErrors(noErrors),
  };
}
