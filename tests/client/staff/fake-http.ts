// A scripted HTTP client for the staff pages' component tests: routes by method and path, records every
// call, and answers errors the way the server does (HttpError with a Chinese message).
import { type HttpClient, HttpError } from '../../../client/src/api/http.ts';

export interface Call {
  method: string;
  path: string;
  body: unknown;
}

export type Handler = (body: unknown, path: string) => unknown;

export function fakeHttp(routes: Record<string, Handler>): HttpClient & { calls: Call[] } {
  const calls: Call[] = [];
  const client = (async (method: string, path: string, body?: unknown) => {
    calls.push({ method, path, body });
    const exact = routes[`${method} ${path}`];
    const prefix = exact
      ? undefined
      : Object.keys(routes).find((k) => k.endsWith('*') && `${method} ${path}`.startsWith(k.slice(0, -1)));
    const handler = exact ?? (prefix ? routes[prefix] : undefined);
    if (!handler)
      throw new HttpError(404, { code: 'route-not-found', message: `测试里没有 ${method} ${path}` });
    return handler(body, path);
  }) as HttpClient & { calls: Call[] };
  client.calls = calls;
  return client;
}
