// A route of the HTTP API as data: method, path, who may call it, and zod schemas for params, query, body
// and response. The server registers and validates from these records; the client derives its typed calls
// and URLs from the same ones, so the contract cannot drift.
import type { z } from 'zod';
import type { Role } from './accounts.ts';

export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/**
 * Who may call a route, checked before the request is validated: `public` (anyone), `user` (any session),
 * or the roles that may. Ownership (whose class, whose conversation) is the handler's to check.
 */
export type Access = 'public' | 'user' | readonly [Role, ...Role[]];

/** A download (the CSV exports, the appeals' corpus): the client links to it rather than fetching JSON. */
export interface FileResponse {
  file: 'text/csv' | 'application/yaml';
}
export const CSV_FILE: FileResponse = { file: 'text/csv' };
export const YAML_FILE: FileResponse = { file: 'application/yaml' };

export interface RouteSpec {
  method: Method;
  path: `/api/${string}`;
  access: Access;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  response: z.ZodType | FileResponse;
}

/** `:name` segments of a path. */
export type PathParams<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | PathParams<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;

/** A route's `params` schema must name exactly its path's `:name` segments (and be absent without any). */
type ParamsMatchPath<R extends RouteSpec> = [PathParams<R['path']>] extends [never]
  ? { params?: never }
  : { params: z.ZodObject<{ [K in PathParams<R['path']>]: z.ZodType<string, string> }> };

export function route<const R extends RouteSpec>(spec: R & ParamsMatchPath<R>): R {
  return spec;
}

type SchemaOf<R, K extends string> = R extends { [P in K]: infer S extends z.ZodType } ? S : undefined;
/** Every key optional when its value may be empty (a body whose fields are all optional). */
type Optional<T extends { body: unknown }> = Partial<T['body']> extends T['body'] ? Partial<T> : T;

/** What a caller passes: `params` and `body` when the route has them, `query` (optional when it may be empty). */
export type RouteArgs<R extends RouteSpec> = (SchemaOf<R, 'params'> extends z.ZodType
  ? { params: z.input<SchemaOf<R, 'params'>> }
  : { params?: never }) &
  (SchemaOf<R, 'query'> extends z.ZodType
    ? Partial<z.input<SchemaOf<R, 'query'>>> extends z.input<SchemaOf<R, 'query'>>
      ? { query?: z.input<SchemaOf<R, 'query'>> }
      : { query: z.input<SchemaOf<R, 'query'>> }
    : { query?: never }) &
  (SchemaOf<R, 'body'> extends z.ZodType
    ? Optional<{ body: z.input<SchemaOf<R, 'body'>> }>
    : { body?: never });

/** What the handler receives after validation. */
export interface RouteInput<R extends RouteSpec> {
  params: SchemaOf<R, 'params'> extends z.ZodType ? z.output<SchemaOf<R, 'params'>> : Record<string, never>;
  query: SchemaOf<R, 'query'> extends z.ZodType ? z.output<SchemaOf<R, 'query'>> : Record<string, never>;
  body: SchemaOf<R, 'body'> extends z.ZodType ? z.output<SchemaOf<R, 'body'>> : undefined;
}

/** The JSON a successful call answers with (never for downloads). */
export type RouteResponse<R extends RouteSpec> = R['response'] extends z.ZodType
  ? z.output<R['response']>
  : never;

/** The path with its `:name` segments filled (URL-encoded) and the query appended. */
export function routeUrl(
  spec: Pick<RouteSpec, 'path'>,
  args: { params?: Readonly<Record<string, string>>; query?: Readonly<Record<string, unknown>> } = {},
): string {
  const path = spec.path.replace(/:(\w+)/g, (_, name: string) => {
    const value = args.params?.[name];
    if (value === undefined) throw new Error(`${spec.path}: missing path parameter ${name}`);
    return encodeURIComponent(value);
  });
  const query = Object.entries(args.query ?? {})
    .filter(([, value]) => value !== undefined && value !== null)
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`)
    .join('&');
  return query ? `${path}?${query}` : path;
}
