// The real app with a temp SQLite dir, talked to as browsers do: HTTP with a session cookie and Origin header,
// and socket.io-client over WebSocket. Tests without sockets do not listen at all: their requests go through
// Fastify's inject (the same routing, hooks and serialisation, no port).
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type {
  ClientToServerEvents,
  ConversationEvent,
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
import { passwordHasher, TEST_PASSWORD_COST } from '../../../server/src/auth/password.ts';
import type { Clock } from '../../../server/src/clock.ts';
import { toUserView } from '../../../server/src/db/repositories/users.ts';
import { ManualClock } from './manual-clock.ts';

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export const SCENARIOS_DIR = resolve('scenarios');
export const TEST_PASSWORD = 'test-password-123';

let passwordHash: Promise<string> | null = null;
/** One hash, at the test cost, for every seeded account. */
export const testPasswordHash = () => {
  passwordHash ??= passwordHasher(TEST_PASSWORD_COST).hash(TEST_PASSWORD);
  return passwordHash;
};

export interface TestServer {
  app: FastifyInstance;
  /** Where the server listens (`startServer`); a name for the app when nothing listens (`startApp`). */
  url: string;
  /** Set by `startApp`: nothing listens, requests go through `app.inject`. */
  injected?: boolean;
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

type Overrides = Partial<AppOptions> & { clock?: Clock };

/** The app listening on an ephemeral port, for tests that connect sockets. */
export async function startServer(overrides: Overrides = {}): Promise<TestServer> {
  const { app, dataDir } = await testApp(overrides);
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  return testServer(app, address, dataDir, false, overrides.clock);
}

/** The app without a port, for tests that only make HTTP requests (`api` injects them). */
export async function startApp(overrides: Overrides = {}): Promise<TestServer> {
  const { app, dataDir } = await testApp(overrides);
  await app.ready();
  return testServer(app, 'http://kefu.test', dataDir, true, overrides.clock);
}

async function testApp(overrides: Overrides): Promise<{ app: FastifyInstance; dataDir: string }> {
  const dataDir = overrides.dataDir ?? tempDataDir();
  const app = await buildApp({
    dataDir,
    databaseUrl: await testDatabaseUrl(dataDir),
    scenariosDir: SCENARIOS_DIR,
    publicOrigin: null,
    clientDir: null,
    logger: false,
    sessionTtlMs: 24 * 60 * 60 * 1000,
    passwordCost: TEST_PASSWORD_COST,
    // Fresh test students play scenarios of every unit; the path's order has its own tests (course-lock).
    pathInOrder: false,
    ...overrides,
  });
  return { app, dataDir };
}

function testServer(
  app: FastifyInstance,
  address: string,
  dataDir: string,
  injected: boolean,
  clock: Clock | undefined,
): TestServer {
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
    injected,
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

/**
 * Stores a played conversation as ended, straight into the event log, as a server of its time would have
 * (tests of stored logs: replays, old-shaped events); returns its id.
 */
export async function storeEndedConversation(
  app: FastifyInstance,
  studentId: string,
  scenarioId: string,
  seed: number,
  events: ConversationEvent[],
): Promise<string> {
  const id = randomUUID();
  await app.eventLog.open(
    {
      id,
      student_id: studentId,
      drill_id: null,
      slot: null,
      scenario_id: scenarioId,
      scenario_version: app.catalog.versionOf(scenarioId)!,
      rubric_id: 'default',
      seed,
      status: 'ended',
      started_at: events[0]!.at,
      ended_at: events[events.length - 1]!.at,
      last_seq: events.length,
      wake_at: null,
      fence: 0,
    },
    events,
  );
  return id;
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
  /** The response as sent (a CSV's byte-order mark, say). */
  bytes: Uint8Array;
}

/**
 * One API call as the browser makes it: JSON (or `raw` text as JSON), session cookie, Origin of the page.
 * Over HTTP to a listening server; through `app.inject` to one that does not listen (`startApp`).
 */
// biome-ignore lint/suspicious/noExplicitAny: tests read response bodies of every shape; typed calls pass T
export async function api<T = any>(
  server: TestServer,
  method: string,
  path: string,
  options: {
    as?: TestUser | null;
    body?: unknown;
    raw?: string;
    origin?: string | null;
    cookie?: string;
  } = {},
): Promise<HttpResult<T>> {
  const headers: Record<string, string> = {};
  const origin = options.origin === undefined ? server.origin : options.origin;
  if (origin !== null) headers.origin = origin;
  const cookie = options.cookie ?? options.as?.cookie;
  if (cookie) headers.cookie = cookie;
  let payload: string | undefined = options.raw;
  if (options.body !== undefined) payload = JSON.stringify(options.body);
  if (payload !== undefined) headers['content-type'] = 'application/json';
  let status: number;
  let bytes: Uint8Array;
  const responseHeaders = new Headers();
  if (server.injected) {
    // The Host a browser would send for the page's origin, so the same-origin check sees what it sees live.
    headers.host = new URL(server.origin).host;
    const res = await server.app.inject({ method: method as 'GET', url: path, headers, payload });
    status = res.statusCode;
    bytes = new Uint8Array(res.rawPayload);
    for (const [name, value] of Object.entries(res.headers)) {
      for (const one of [value ?? []].flat()) responseHeaders.append(name, String(one));
    }
  } else {
    const res = await fetch(`${server.url}${path}`, { method, headers, body: payload });
    status = res.status;
    bytes = new Uint8Array(await res.arrayBuffer());
    res.headers.forEach((value, name) => {
      responseHeaders.append(name, value);
    });
  }
  const text = new TextDecoder().decode(bytes);
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON (CSV export)
  }
  return { status, body: body as T, headers: responseHeaders, text, bytes };
}

/** A class made by `owner` with `students` joined by its code, as they would; its id. Throws if a join fails. */
export async function newClass(server: TestServer, owner: TestUser, students: TestUser[]): Promise<string> {
  const cls = await api(server, 'POST', '/api/classes', {
    as: owner,
    body: { name: `班级${Math.random()}` },
  });
  for (const s of students) {
    const joined = await api(server, 'POST', '/api/classes/join', {
      as: s,
      body: { joinCode: cls.body.class.joinCode },
    });
    if (joined.status !== 200) throw new Error(`join failed: ${joined.status} ${joined.text}`);
  }
  return cls.body.class.id;
}

/**
 * A connected socket, with every `conversation:event` it received recorded in order — and, as the workbench
 * takes them, the events a send's or order change's ack carries (the sending socket gets its step's events
 * only there), recorded where the ack arrived.
 */
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
  const emit = socket.emit.bind(socket) as (event: string, ...args: unknown[]) => ClientSocket;
  Object.assign(socket, {
    emit(event: string, ...args: unknown[]) {
      const ack = args[args.length - 1];
      if ((event === 'conversation:send' || event === 'conversation:order') && typeof ack === 'function') {
        args[args.length - 1] = (res: { ok: boolean; events?: EventEnvelope[] }) => {
          if (res.ok && res.events) events.push(...res.events);
          ack(res);
        };
      }
      return emit(event, ...args);
    },
  });
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
