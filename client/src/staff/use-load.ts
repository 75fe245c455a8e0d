// Loads one GET resource for a page: data, error (the server's Chinese message) and a reload.
import { useCallback, useEffect, useState } from 'react';
import { useServices } from '../app/context.tsx';

export interface Loaded<T> {
  data: T | null;
  error: string | null;
  reload(): void;
}

export function useLoad<T>(path: string | null): Loaded<T> {
  const { http } = useServices();
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [n, setN] = useState(0);
  useEffect(() => {
    if (path === null) return;
    let live = true;
    // n is read so that reload() refetches
    void n;
    http<T>('GET', path).then(
      (value) => {
        if (!live) return;
        setData(value);
        setError(null);
      },
      (err: unknown) => live && setError(err instanceof Error ? err.message : String(err)),
    );
    return () => {
      live = false;
    };
  }, [http, path, n]);
  const reload = useCallback(() => setN((x) => x + 1), []);
  return { data, error, reload };
}

export function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
