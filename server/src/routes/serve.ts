// Registers the routes of shared/src/protocol.ts with Fastify: access checked before validation (so a
// stranger learns nothing from a malformed request), params/query/body validated with the route's zod
// schemas (Chinese messages), the response parsed by its schema before it is sent (nothing undeclared
// leaves the server). A tiny adapter rather than fastify-type-provider-zod: that provider parses without
// options (no per-call zh-CN messages, and we do not set zod's global locale), we type handlers from the
// table directly, and it requires @fastify/swagger and openapi-types as peers we would not use.
import {
  type FileResponse,
  type RouteInput,
  type RouteSpec,
  type Routes,
  zodChineseError,
} from '@kefu/shared';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { assertRole, requireUser } from '../auth/guards.ts';
import type { UserRow } from '../db/repositories/users.ts';
import { invalidInput } from '../errors.ts';
import { attachment } from '../http/content-disposition.ts';

/** A file the route answers with (the CSV exports). */
export interface Download {
  filename: string;
  body: string;
}

export interface RouteContext<R extends RouteSpec> extends RouteInput<R> {
  user: R['access'] extends 'public' ? UserRow | null : UserRow;
  request: FastifyRequest;
  reply: FastifyReply;
}
type Result<R extends RouteSpec> = R['response'] extends z.ZodType ? z.input<R['response']> : Download;
export type RouteHandler<R extends RouteSpec> = (context: RouteContext<R>) => Promise<Result<R>>;

const isFile = (response: RouteSpec['response']): response is FileResponse => 'file' in response;

/** Validation and response serialisation with the routes' zod schemas. */
export function useZodSchemas(app: FastifyInstance): void {
  app.setValidatorCompiler<z.ZodType>(({ schema, httpPart }) => (data) => {
    // Fastify gives a request without a body `null`: read it as absent, so an optional body may default.
    const input = httpPart === 'body' && data === null ? undefined : data;
    const result = schema.safeParse(input, { error: zodChineseError });
    return result.success ? { value: result.data } : { error: invalidInput(result.error) };
  });
  app.setSerializerCompiler<z.ZodType>(
    ({ schema }) =>
      (data) =>
        JSON.stringify(schema.parse(data)),
  );
}

export function serve<R extends RouteSpec>(app: FastifyInstance, route: R, handler: RouteHandler<R>): void {
  const { access, response } = route;
  app.route({
    method: route.method,
    url: route.path,
    schema: {
      ...(route.params && { params: route.params }),
      ...(route.query && { querystring: route.query }),
      ...(route.body && { body: route.body }),
      ...(!isFile(response) && { response: { 200: response } }),
    },
    preValidation: async (request) => {
      if (access === 'public') return;
      const user = requireUser(request);
      if (access !== 'user') assertRole(user, access);
    },
    handler: async (request, reply) => {
      const context = {
        params: request.params,
        query: request.query,
        body: request.body,
        user: request.user,
        request,
        reply,
      } as RouteContext<R>; // validated by the schemas above; user checked in preValidation
      const result = await handler(context);
      if (!isFile(response)) return result;
      const { filename, body } = result as Download;
      // An ASCII name from the path for old clients, the real (Chinese) one for the rest.
      const fallback = route.path.slice(route.path.lastIndexOf('/') + 1);
      return reply
        .type(`${response.file}; charset=utf-8`)
        .header('content-disposition', attachment(filename, fallback))
        .send(body);
    },
  });
}

/** Every route of a table, flattened (`routes.classes.get` …). */
export function allRoutes(table: Routes): RouteSpec[] {
  return Object.values(table).flatMap((group) => Object.values(group) as RouteSpec[]);
}
