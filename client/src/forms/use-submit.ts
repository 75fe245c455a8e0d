// A form's submit: busy while it runs (a second click waits), the error of the last try in the UI language
// (the HTTP client words it from its code), cleared on the next try. Replaces the busy/try/finally copied
// into every form; a result arrives only while the form is still on screen.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface Submit<A extends unknown[], T> {
  busy: boolean;
  error: string | null;
  /** Runs the action unless one is running; resolves to its result, or undefined when it failed or was skipped. */
  run(...args: A): Promise<T | undefined>;
  /** A problem found before sending (e.g. two passwords that differ). */
  fail(message: string | null): void;
}

/** The words of an error for a person: the HTTP client's message (from the code), else a generic line. */
export function errorMessage(err: unknown, fallback: string): string {
  return err instanceof Error && err.message ? err.message : fallback;
}

export function useSubmit<A extends unknown[], T>(action: (...args: A) => Promise<T>): Submit<A, T> {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const running = useRef(false);
  const mounted = useRef(true);
  const latest = useRef(action);
  latest.current = action;
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const run = useCallback(
    async (...args: A): Promise<T | undefined> => {
      if (running.current) return undefined;
      running.current = true;
      setBusy(true);
      setError(null);
      try {
        return await latest.current(...args);
      } catch (err) {
        if (mounted.current) setError(errorMessage(err, t('errors.unknown')));
        return undefined;
      } finally {
        running.current = false;
        if (mounted.current) setBusy(false);
      }
    },
    [t],
  );
  return { busy, error, run, fail: setError };
}
