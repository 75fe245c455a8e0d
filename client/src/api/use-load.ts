// Loads one GET route of the table for a page: data, error (in the UI language) and a reload. The request
// is named by its route and arguments, so a page refetches when they change and never otherwise.
import type { RouteArgs, RouteResponse, RouteSpec } from '@kefu/shared/protocol';
import { useCallback, useEffect, useState } from 'react';
import { useServices } from '../app/context.tsx';
import type { RouteLink } from './route-links.ts';

export interface Loaded<T> {
  data: T | null;
  error: string | null;
  reload(): void;
}

/** `args` null: nothing to load yet (e.g. an id not known). */
export function useLoad<R extends RouteSpec>(
  route: RouteLink<R>,
  args: RouteArgs<R> | null = {} as RouteArgs<R>,
) {
  const { api } = useServices();
  const [data, setData] = useState<RouteResponse<R> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [n, setN] = useState(0);
  const key = args === null ? null : api.url(route, args);
  // `key` stands for route and args: a new args object each render must not refetch.
  // biome-ignore lint/correctness/useExhaustiveDependencies: key covers route and args
  useEffect(() => {
    if (key === null || args === null) return;
    let live = true;
    // n is read so that reload() refetches
    void n;
    api.call(route, args).then(
      (value) => {
        if (!live) return;
        setData(value);
        setError(null);
      },
      (err: unknown) => live && setError(errorText(err)),
    );
    return () => {
      live = false;
    };
  }, [api, key, n]);
  const reload = useCallback(() => setN((x) => x + 1), []);
  return { data, error, reload } satisfies Loaded<RouteResponse<R>>;
}

export function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
