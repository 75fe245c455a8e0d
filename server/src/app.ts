// Builds the Fastify instance from plugins: external ones, then ours (database, scenarios, auth, Socket.IO,
// live practice), then the HTTP API and the client. `main.ts` only starts it; tests build it with their own
// data dir, clock and seed source.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Duplex } from 'node:stream';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import { type ApiError, apiError, ERROR_STATUS, type ErrorCode, errorBody } from '@kefu/shared';
import Fastify, {
  type FastifyError,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
} from 'fastify';
import fp from 'fastify-plugin';
import type { ThrottleLimits } from './auth/guess-throttle.ts';
import type { PasswordCost } from './auth/password.ts';
import authPlugin from './auth/plugin.ts';
import { type Clock, systemClock } from './clock.ts';
import healthRoutes from './cluster/health.ts';
import clusterPlugin from './cluster/plugin.ts';
import type { ServerOptions } from './config.ts';
import databasePlugin from './db/plugin.ts';
import { AppError, fail, toApiError } from './errors.ts';
import gradingPlugin from './grading/plugin.ts';
import { cleanClientValue } from './http/client-text.ts';
import securityHeaders from './http/security-headers.ts';
import practicePlugin from './practice/plugin.ts';
import ioPlugin from './realtime/io-plugin.ts';
import routes from './routes/index.ts';
import scenariosPlugin from './scenarios/plugin.ts';

export interface AppOptions
  extends Omit<
    ServerOptions,
    'port' | 'host' | 'logger' | 'trustProxy' | 'databaseUrl' | 'leaseMs' | 'drainDelayMs' | 'pathInOrder'
  > {
  logger: boolean;
  /** postgres://… (several processes may share it); unset: SQLite in `dataDir`. */
  databaseUrl?: string | null;
  /** How long a process's conversations stay its own without a heartbeat (PostgreSQL). */
  leaseMs?: number;
  trustProxy?: boolean;
  /** Solo practice follows the learning path (default); false opens every unit (LEARNING_PATH=open). */
  pathInOrder?: boolean;
  /** Time for logs, sessions, shoppers and drills. Tests drive a manual clock; production uses the wall clock. */
  clock?: Clock;
  /** Seeds of solo-practice shoppers (variant lines, typing delays). Random unless a test fixes it. */
  seedSource?: () => number;
  loginLimits?: ThrottleLimits;
  /** scrypt cost of new password hashes: the production default unless a test lowers it. */
  passwordCost?: PasswordCost;
  /** How often expired sessions are deleted (wall-clock ms; default hourly). */
  sessionSweepMs?: number;
  /** How long a client may take to send a whole request, headers and body (default 30 s). */
  requestTimeoutMs?: number;
}

export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

declare module 'fastify' {
  interface FastifyInstance {
    clock: Clock;
    settings: AppOptions;
    newSeed(): number;
  }
}

const randomSeed = () => Math.floor(Math.random() * 2 ** 31);

/** Fastify's own errors (bad JSON, body too large, wrong content type, bad URL) in the protocol's shape. */
const FRAMEWORK_ERRORS: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'bad-json',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'bad-json',
  FST_ERR_CTP_BODY_TOO_LARGE: 'body-too-large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported-media-type',
  FST_ERR_MAX_PARAM_LENGTH: 'url-too-long',
};

/** Fastify's other request refusals, their problem said in Chinese (its own words are English). */
const FRAMEWORK_PROBLEMS: Record<string, string> = {
  FST_ERR_BAD_URL: '地址里有无法识别的 % 编码，请检查链接后重试',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: '请求内容的长度与声明的不符',
};

function frameworkError(err: FastifyError): ApiError | null {
  const code = FRAMEWORK_ERRORS[err.code];
  if (code) return errorBody(code);
  const problem = FRAMEWORK_PROBLEMS[err.code];
  if (problem) return apiError('bad-request', { problem });
  const status = err.statusCode ?? 500;
  if (status >= 400 && status < 500) return apiError('bad-request', { problem: err.message });
  return null;
}

/**
 * Errors Node's HTTP parser raises before Fastify sees a request (headers too large, malformed request
 * line, a request not received in time): answered on the raw socket, still in the protocol's shape and in
 * Chinese.
 */
const STATUS_TEXT: Record<number, string> = {
  408: 'Request Timeout',
  431: 'Request Header Fields Too Large',
};

function clientErrorHandler(err: NodeJS.ErrnoException, socket: Duplex): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const error =
    err.code === 'HPE_HEADER_OVERFLOW'
      ? apiError('headers-too-large')
      : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? apiError('request-timeout')
        : apiError('bad-request', { problem: '无法解析的 HTTP 请求' });
  const status = ERROR_STATUS[error.code];
  const body = JSON.stringify({ error });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_TEXT[status] ?? 'Bad Request'}\r\n` +
        `Content-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `Connection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(err);
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const requestTimeout = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const app = Fastify({
    logger: options.logger ? { level: 'info' } : false,
    trustProxy: options.trustProxy ?? false,
    clientErrorHandler,
    // A request (headers and body) must arrive within this time: a client that declares a body and then
    // trickles it (or sends nothing) is cut off instead of holding a connection for minutes.
    requestTimeout,
    http: {
      headersTimeout: requestTimeout,
      connectionsCheckingInterval: Math.min(1_000, requestTimeout / 2),
    },
    // Bad URLs and over-long path parameters, which Fastify answers before any route runs.
    frameworkErrors: (err: FastifyError, _request: FastifyRequest, reply: FastifyReply) => {
      const error = frameworkError(err) ?? apiError('bad-request', { problem: err.message });
      return reply.status(ERROR_STATUS[error.code]).send({ error });
    },
  });
  app.decorate('clock', options.clock ?? systemClock);
  app.decorate('settings', options);
  const seedSource = options.seedSource ?? randomSeed;
  app.decorate('newSeed', () => seedSource());

  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (err instanceof AppError) return reply.status(err.status).send({ error: err.toJSON() });
    const known = frameworkError(err);
    if (known) return reply.status(ERROR_STATUS[known.code]).send({ error: known });
    request.log.error({ err }, 'request failed');
    return reply.status(500).send({ error: toApiError(err) });
  });

  // A query parameter given twice arrives as an array, which no route expects (it reached SQL as a row value).
  app.addHook('onRequest', async (request) => {
    const query = request.query as Record<string, unknown>;
    const repeated = Object.keys(query).filter((key) => Array.isArray(query[key]));
    if (repeated.length > 0) {
      throw fail('bad-request', { problem: `参数 ${repeated.join('、')} 只能出现一次` });
    }
  });

  // Every string a request carries arrives cleaned, and nesting is bounded (see client-text.ts).
  app.addHook('preValidation', async (request) => {
    if (request.body !== undefined) request.body = cleanClientValue(request.body);
    request.query = cleanClientValue(request.query);
    request.params = cleanClientValue(request.params);
  });

  await app.register(securityHeaders, { https: options.publicOrigin?.startsWith('https:') ?? false });
  await app.register(cookie);
  await app.register(databasePlugin, {
    dataDir: options.dataDir,
    databaseUrl: options.databaseUrl ?? null,
  });
  await app.register(scenariosPlugin, { scenariosDir: options.scenariosDir });
  await app.register(authPlugin, {
    publicOrigin: options.publicOrigin,
    loginLimits: options.loginLimits,
    sessionSweepMs: options.sessionSweepMs,
    passwordCost: options.passwordCost,
  });
  await app.register(ioPlugin);
  await app.register(clusterPlugin, { databaseUrl: options.databaseUrl ?? null, leaseMs: options.leaseMs });
  await app.register(practicePlugin);
  await app.register(gradingPlugin);
  await app.register(fp(healthRoutes));
  await app.register(routes);

  const clientDir = options.clientDir;
  const serveClient = clientDir !== null && existsSync(join(clientDir, 'index.html'));
  if (serveClient) {
    await app.register(fastifyStatic, {
      root: clientDir,
      prefix: '/',
      // Files are looked up per request, so a build made while the server runs is served as it is.
      wildcard: true,
      index: 'index.html',
      // Vite names built assets by content hash: cache them for good; index.html is revalidated.
      setHeaders: (reply, path) => {
        if (/[/\\]assets[/\\]/.test(path))
          reply.header('cache-control', 'public, max-age=31536000, immutable');
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    if (
      serveClient &&
      request.method === 'GET' &&
      !path.startsWith('/api/') &&
      !path.startsWith('/assets/') &&
      !path.startsWith('/socket.io/') &&
      !path.startsWith('/library/')
    ) {
      // The SPA owns every other path: its router shows the page (or its own 404).
      return reply.type('text/html').sendFile('index.html');
    }
    return reply
      .status(404)
      .send({ error: fail('route-not-found', { method: request.method, path }).toJSON() });
  });
  return app;
}
