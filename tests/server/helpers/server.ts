// Starts the real app on an ephemeral port with a temp SQLite dir, and talks to it as browsers do: HTTP with
// a session cookie and Origin header, and socket.io-client over WebSocket.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type {
  ClientToServerEvents,
  EventEnvelope,
  HelloPayload,
  Role,
  ServerToClientEvents,
  UserView,
} from '@kefu/shared';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { io, type Socket } from 'socket.io-client';
import { type AppOptions, buildApp } from '../../../server/src/app.ts';
import { hashPassword } from '../../../server/src/auth/password.ts';
import type { Clock } from '../../../server/src/clock.ts';
import { toUserView } from '../../../server/src/db/repositories/users.ts';
import { ManualClock } from './manual-clock.ts';

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export const SCENARIOS_DIR = resolve('scenarios');
export const TEST_PASSWORD = 'test-password-123';

let passwordHash: Promise<string> | null = null;
/** One scrypt hash for every seeded account (each hash costs about a second on a small machine). */
export const testPasswordHash = () => {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  return passwordHash;
};

export interface TestServer {
  app: FastifyInstance;
  url: string;
  origin: string;
  dataDir: string;
  /** Stops the server; the data dir stays until `cleanup`. */
  close(): Promise<void>;
  cleanup(): void;
}

export function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'kefu-server-'));
}

/**
 * With KEFU_TEST_PG (a superuser URL; `npm run test:cluster` sets it) the server suite runs on PostgreSQL:
 * each data dir gets its own fresh database there, so a restart on the same dir finds the same data.
 */
const TEST_PG = process.env.KEFU_TEST_PG || null;
const databases = new Map<string, Promise<string>>();

export function testDatabaseUrl(dataDir: string): Promise<string | null> {
  if (TEST_PG === null) return Promise.resolve(null);
  let url = databases.get(dataDir);
  if (!url) {
    url = (async () => {
      const name = `kefu_test_${randomBytes(6).toString('hex')}`;
      const client = new pg.Client({ connectionString: TEST_PG });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name}`);
      } finally {
        await client.end();
      }
      const parsed = new URL(TEST_PG);
      parsed.pathname = `/${name}`;
      return parsed.toString();
    })();
    databases.set(dataDir, url);
  }
  return url;
}

export async function startServer(
  overrides: Partial<AppOptions> & { clock?: Clock } = {},
): Promise<TestServer> {
  const dataDir = overrides.dataDir ?? tempDataDir();
  const app = await buildApp({
    dataDir,
    databaseUrl: await testDatabaseUrl(dataDir),
    scenariosDir: SCENARIOS_DIR,
    publicOrigin: null,
    clientDir: null,
    logger: false,
    sessionTtlMs: 24 * 60 * 60 * 1000,
    ...overrides,
  });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  const clock = overrides.clock;
  const unprobe =
    clock instanceof ManualClock
      ? clock.whenIdle(async () => {
          const [live, drills] = await Promise.all([app.live.settled(), app.drillScheduler.settled()]);
          return live || drills;
        })
      : () => {};
  let closed = false;
  return {
    app,
    url: address,
    origin: address,
    dataDir,
    close: async () => {
      if (closed) return;
      closed = true;
      unprobe();
      await app.close();
    },
    cleanup: () => rmSync(dataDir, { recursive: true, force: true }),
  };
}

export interface TestUser {
  user: UserView;
  cookie: string;
}

let userCounter = 0;
/** Seeds an account and a session straight into the database (the login route is tested on its own). */
export async function seedUser(
  app: FastifyInstance,
  role: Role,
  name = `${role}${++userCounter}`,
): Promise<TestUser> {
  const row = await app.users.create(
    { username: name, displayName: `测试${name}`, role, passwordHash: await testPasswordHash() },
    app.clock.now(),
  );
  const token = await app.sessions.create(row.id, app.clock.now(), 24 * 60 * 60 * 1000);
  return { user: toUserView(row), cookie: `kefu_session=${token}` };
}

export interface HttpResult<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
  text: string;
}

/** One API call as the browser makes it: JSON, session cookie, Origin of the page. */
// biome-ignore lint/suspicious/noExplicitAny: tests read response bodies of every shape; typed calls pass T
export async function api<T = any>(
  server: TestServer,
  method: string,
  path: string,
  options: { as?: TestUser | null; body?: unknown; origin?: string | null; cookie?: string } = {},
): Promise<HttpResult<T>> {
  const headers: Record<string, string> = {};
  const origin = options.origin === undefined ? server.origin : options.origin;
  if (origin !== null) headers.origin = origin;
  const cookie = options.cookie ?? options.as?.cookie;
  if (cookie) headers.cookie = cookie;
  let payload: string | undefined;
  if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(options.body);
  }
  const res = await fetch(`${server.url}${path}`, { method, headers, body: payload });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON (CSV export)
  }
  return { status: res.status, body: body as T, headers: res.headers, text };
}

/** A connected socket, with every `conversation:event` it received recorded in order. */
export interface LiveClient {
  socket: ClientSocket;
  events: EventEnvelope[];
  /** The `session:hello` the server sends right after the handshake. */
  hello: Promise<HelloPayload>;
  close(): void;
}

export function connect(
  server: TestServer,
  as: TestUser,
  options: { origin?: string } = {},
): Promise<LiveClient> {
  const socket: ClientSocket = io(server.url, {
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    extraHeaders: { origin: options.origin ?? server.origin, cookie: as.cookie },
  });
  const events: EventEnvelope[] = [];
  socket.on('conversation:event', (e) => events.push(e));
  const hello = new Promise<HelloPayload>((resolve) => socket.once('session:hello', resolve));
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve({ socket, events, hello, close: () => socket.disconnect() }));
    socket.once('connect_error', (err) => {
      socket.disconnect();
      reject(err);
    });
  });
}

/** Emits with an ack and waits for it. */
export function request<T>(socket: ClientSocket, event: string, ...args: unknown[]): Promise<T> {
  return new Promise((resolve) => {
    (socket.emit as (...a: unknown[]) => void)(event, ...args, (res: T) => resolve(res));
  });
}
