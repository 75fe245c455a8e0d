// The HTTP client: JSON in and out, same-origin cookie session. A failed request throws an HttpError
// whose message is the server's own (Chinese, written for a person), so screens can show it as is.
import type { ApiError, ErrorCode } from '@kefu/shared/protocol';

export class HttpError extends Error {
  readonly code: ErrorCode | 'network';
  readonly status: number;
  constructor(status: number, error: ApiError | { code: 'network'; message: string }) {
    super(error.message);
    this.code = error.code;
    this.status = status;
  }
}

export type HttpClient = <T>(
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
) => Promise<T>;

/** `networkMessage` is shown when no server answer came back at all. */
export function createHttpClient(networkMessage: () => string, fetchImpl: typeof fetch = fetch): HttpClient {
  return async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
    let response: Response;
    try {
      response = await fetchImpl(path, {
        method,
        credentials: 'same-origin',
        headers:
          body === undefined
            ? { accept: 'application/json' }
            : { 'content-type': 'application/json', accept: 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      throw new HttpError(0, { code: 'network', message: networkMessage() });
    }
    const payload: unknown = await response.json().catch(() => null);
    if (!response.ok) {
      const error = (payload as { error?: ApiError } | null)?.error;
      throw new HttpError(
        response.status,
        error && typeof error.message === 'string'
          ? error
          : { code: 'internal', message: `HTTP ${response.status}` },
      );
    }
    return payload as T;
  };
}
