// Loads one API resource for a page and keeps it, with its error, until the path changes.
import { useCallback, useEffect, useState } from 'react';
import type { z } from 'zod';
import { api } from './client.ts';

export interface ApiData<T> {
  data: T | null;
  /** The ApiError or NetworkError of the last load, or null. */
  error: unknown;
  isLoading: boolean;
  /** Loads again, e.g. after a change made elsewhere. */
  reload(): Promise<void>;
  /** Replaces the data with an answer the server just gave, saving a round trip. */
  setData(next: T): void;
  /** Changes loaded data in place (nothing happens before it has loaded). */
  update(change: (current: T) => T): void;
}

/** GETs `path` (nothing while it is null) and parses the answer with `schema`. */
export function useApiData<S extends z.ZodType>(
  path: string | null,
  schema: S,
): ApiData<z.infer<S>> {
  const [data, setData] = useState<z.infer<S> | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [isLoading, setLoading] = useState(path !== null);

  const load = useCallback(
    async (isCurrent: () => boolean) => {
      if (path === null) return;
      setLoading(true);
      try {
        const answer = await api('GET', path, { schema });
        if (!isCurrent()) return;
        setData(answer);
        setError(null);
      } catch (caught) {
        if (!isCurrent()) return;
        setData(null);
        setError(caught);
      } finally {
        if (isCurrent()) setLoading(false);
      }
    },
    [path, schema],
  );

  useEffect(() => {
    // An answer for a previous path must not overwrite the page the person has moved on to.
    let isCurrent = true;
    setData(null);
    void load(() => isCurrent);
    return () => {
      isCurrent = false;
    };
  }, [load]);

  const reload = useCallback(() => load(() => true), [load]);
  const update = useCallback(
    (change: (current: z.infer<S>) => z.infer<S>) =>
      setData((current: z.infer<S> | null) => (current === null ? null : change(current))),
    [],
  );
  return { data, error, isLoading, reload, setData, update };
}
