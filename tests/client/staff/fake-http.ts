// A scripted server for the client's component tests: the real API client (URLs built from the route
// table, errors read by code) over a fake fetch that routes by method and path, records every call, and
// answers a thrown HttpError the way the server does (status and `{ error: { code, message, params,
// proof } }`).

import { describeError } from '../../../client/src/api/error-text.ts';
import { type Api, createApi, HttpError } from '../../../client/src/api/http.ts';
import { i18n } from '../../../client/src/i18n/index.ts';

export interface Call {
  method: string;
  path: string;
  body: unknown;
}

export type Handler = (body: unknown, path: string) => unknown;

/** An Api whose requests `handle` answers (return a body, or throw an HttpError). */
export function apiFrom(
  handle: (method: string, path: string, body: unknown) => unknown,
): Api & { calls: Call[] } {
  const calls: Call[] = [];
  const api = createApi({
    describe: (error) => describeError(i18n.t, error),
    fetch: async (input, init) => {
      const method = init?.method ?? 'GET';
      const path = String(input);
      const body = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
      calls.push({ method, path, body });
      try {
        return Response.json(await handle(method, path, body));
      } catch (err) {
        if (!(err instanceof HttpError)) throw err;
        if (err.code === 'network') throw new TypeError('network');
        return Response.json(
          { error: { code: err.code, message: err.message, params: err.params, proof: err.proof } },
          { status: err.status },
        );
      }
    },
  });
  return Object.assign(api, { calls });
}

/** Routes keyed `METHOD /path` (a trailing `*` matches a prefix); anything else is a 404. */
export function fakeHttp(routes: Record<string, Handler>): Api & { calls: Call[] } {
  return apiFrom((method, path, body) => {
    const exact = routes[`${method} ${path}`];
    const prefix = exact
      ? undefined
      : Object.keys(routes).find((k) => k.endsWith('*') && `${method} ${path}`.startsWith(k.slice(0, -1)));
    const handler = exact ?? (prefix ? routes[prefix] : undefined);
    if (!handler) {
      throw new HttpError(404, { code: 'route-not-found', params: { method, path }, message: '' });
    }
    return handler(body, path);
  });
}
