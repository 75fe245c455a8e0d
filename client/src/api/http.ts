// The HTTP client, derived from the route table in shared/src/protocol.ts: `api.reports.student({ params,
// query })` builds the URL from the route's path, sends JSON with the same-origin cookie session, and is
// typed by the route's schemas. A refusal throws an HttpError carrying the server's code; its message is
// looked up from the code in the current language (`describe`), never taken from the server's wording.

import { routeUrl } from '@kefu/shared/api/route';
import type { ApiError, ErrorCode, RouteArgs, RouteResponse, RouteSpec, Routes } from '@kefu/shared/protocol';
import { type RouteLink, routes } from './route-links.ts';

/** What the client knows of a failure: a protocol code, or `network` when no answer came back at all. */
export type ClientError = {
  code: ErrorCode | 'network';
  params?: ApiError['params'];
  proof?: ApiError['proof'];
};

export class HttpError extends Error {
  readonly code: ErrorCode | 'network';
  readonly status: number;
  readonly params: ApiError['params'];
  /** The scenarios a catalogue change breaks (catalogue-breaks-scenarios), to be said in the UI language. */
  readonly proof: ApiError['proof'];
  constructor(status: number, error: ClientError & { message: string }) {
    super(error.message);
    this.code = error.code;
    this.status = status;
    this.params = error.params;
    this.proof = error.proof;
  }
}

type Call<R> = R extends RouteSpec
  ? Partial<RouteArgs<R>> extends RouteArgs<R>
    ? (args?: RouteArgs<R>) => Promise<RouteResponse<R>>
    : (args: RouteArgs<R>) => Promise<RouteResponse<R>>
  : never;

/** One typed function per route of the table, grouped as the table is. */
export type Api = { [G in keyof Routes]: { [K in keyof Routes[G]]: Call<Routes[G][K]> } } & {
  /** Calls any route of the table (what `useLoad` uses). */
  call<R extends RouteSpec>(route: RouteLink<R>, args?: RouteArgs<R>): Promise<RouteResponse<R>>;
  /** The URL of a route, for links (the CSV downloads). */
  url<R extends RouteSpec>(route: RouteLink<R>, args?: RouteArgs<R>): string;
  /** An error's words in the UI language (for socket acks, which do not throw). */
  describe(error: ClientError): string;
};

export interface ApiOptions {
  /** The words for an error, in the current language. */
  describe(error: ClientError): string;
  fetch?: typeof fetch;
}

const isErrorBody = (value: unknown): value is { error: ApiError } =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as { error?: { code?: unknown } }).error?.code === 'string';

const isRefusal = (value: unknown): value is { refused: ApiError } =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as { refused?: { code?: unknown } }).refused?.code === 'string';

export function createApi(options: ApiOptions): Api {
  const fetchImpl = options.fetch ?? ((input, init) => fetch(input, init));

  async function call<R extends RouteSpec>(route: RouteLink<R>, args: RouteArgs<R> = {} as RouteArgs<R>) {
    const { body } = args as { body?: unknown };
    let response: Response;
    try {
      response = await fetchImpl(routeUrl(route, args as Parameters<typeof routeUrl>[1]), {
        method: route.method,
        credentials: 'same-origin',
        headers:
          body === undefined
            ? { accept: 'application/json' }
            : { 'content-type': 'application/json', accept: 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      throw new HttpError(0, { code: 'network', message: options.describe({ code: 'network' }) });
    }
    const payload: unknown = await response.json().catch(() => null);
    if (!response.ok) {
      const error: ClientError = isErrorBody(payload)
        ? { code: payload.error.code, params: payload.error.params, proof: payload.error.proof }
        : { code: response.status >= 500 ? 'internal' : 'bad-request' };
      throw new HttpError(response.status, { ...error, message: options.describe(error) });
    }
    // An expected refusal answered 200 (a wrong password): thrown like any other, the console stays clean.
    if (isRefusal(payload)) {
      const error: ClientError = { code: payload.refused.code, params: payload.refused.params };
      throw new HttpError(response.status, { ...error, message: options.describe(error) });
    }
    return payload as RouteResponse<R>;
  }

  const groups = Object.fromEntries(
    Object.entries(routes).map(([group, table]) => [
      group,
      Object.fromEntries(
        Object.entries(table as Record<string, RouteLink>).map(([name, route]) => [
          name,
          (args?: RouteArgs<RouteSpec>) => call(route, args),
        ]),
      ),
    ]),
  );
  return {
    // Built from the same table the Api type is mapped from.
    ...(groups as unknown as Omit<Api, 'call' | 'url' | 'describe'>),
    call,
    describe: options.describe,
    url: (route, args) => routeUrl(route, args as Parameters<typeof routeUrl>[1]),
  };
}
