// Two real server processes on one PostgreSQL database (KEFU_TEST_PG, set by `npm run test:cluster`):
// a student who moves between them keeps one unbroken conversation; a student on A and a monitor on B see
// the same drill; SIGKILL of A mid-drill — B takes A's conversations and the drill's schedule over within
// the lease expiry, no acknowledged message is lost or duplicated, shopper timers fire at their due times.
import { randomUUID } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  type ConversationEvent,
  type ConversationOpenedPayload,
  type ConversationReportResponse,
  createShopperContext,
  type EventEnvelope,
  type LoggedEvent,
  loadLibrary,
  type MonitorUpdatePayload,
  type MonitorWatchAck,
  type PracticeResponse,
  type ResyncAck,
  replayShopper,
  type SendAck,
  SOCKET_RATE_LIMIT,
  type StudentMonitor,
} from '@kefu/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readLibrary } from '../../server/src/cli/read-library.ts';
import { type Connection, openDatabase } from '../../server/src/db/connection.ts';
import { classesRepository } from '../../server/src/db/repositories/classes.ts';
import { sessionsRepository } from '../../server/src/db/repositories/sessions.ts';
import { toUserView, usersRepository } from '../../server/src/db/repositories/users.ts';
import { MAX_OPEN_SOLO } from '../../server/src/practice/solo-limit.ts';
import { MAX_SOCKETS_PER_USER, USER_RATE_LIMIT } from '../../server/src/realtime/socket-rate-limit.ts';
import {
  api,
  connect,
  type LiveClient,
  request,
  SCENARIOS_DIR,
  TEST_PASSWORD,
  type TestServer,
  type TestUser,
  tempDataDir,
  testDatabaseUrl,
  testPasswordHash,
} from '../server/helpers/server.ts';
import { killAll, type ServerProcess, startNode } from './nodes.ts';

const LEASE_MS = 2000;
/** A dead process's lease runs out after LEASE_MS; the survivor looks on every heartbeat (a third of it). */
const TAKEOVER_BOUND_MS = LEASE_MS + LEASE_MS / 3 + 1500;
const dataDir = tempDataDir();
let db: Connection;
let databaseUrl: string;
let a: ServerProcess;
let b: ServerProcess;
let instructor: TestUser;
const nodeIds = new Map<ServerProcess, string>();
const clients: LiveClient[] = [];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
async function until<T>(
  what: string,
  probe: () => Promise<T | undefined | null | false>,
  ms = 15_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

const asServer = (node: ServerProcess): TestServer => ({
  app: undefined as never,
  url: node.url,
  origin: node.url,
  dataDir,
  close: async () => {},
  cleanup: () => {},
});

async function startCluster(name: string, env: Record<string, string> = {}): Promise<ServerProcess> {
  const node = await startNode(name, {
    DATABASE_URL: databaseUrl,
    LEASE_SECONDS: String(LEASE_MS / 1000),
    ...env,
  });
  const ready = await api(asServer(node), 'GET', '/readyz');
  expect(ready.status).toBe(200);
  expect(ready.body.database).toBe('postgres');
  nodeIds.set(node, ready.body.node);
  return node;
}

async function seed(role: 'student' | 'instructor' | 'admin', name: string): Promise<TestUser> {
  const now = Date.now();
  const row = await usersRepository(db.db).create(
    { username: name, displayName: `测试${name}`, role, passwordHash: await testPasswordHash() },
    now,
  );
  const token = await sessionsRepository(db.db).create(row.id, now, 60 * 60 * 1000);
  return { user: toUserView(row), cookie: `kefu_session=${token}` };
}

async function leaseOwner(kind: 'conversation' | 'drill', id: string): Promise<string | undefined> {
  const row = await db.db
    .selectFrom('leases')
    .select(['owner', 'expires_at'])
    .where('kind', '=', kind)
    .where('id', '=', id)
    .executeTakeFirst();
  return row && row.expires_at > Date.now() ? row.owner : undefined;
}

async function connectTo(node: ServerProcess, user: TestUser): Promise<LiveClient> {
  const client = await connect(asServer(node), user);
  clients.push(client);
  return client;
}

async function resync(client: LiveClient, conversationId: string, afterSeq: number) {
  const ack = await request<ResyncAck>(client.socket, 'conversation:resync', { conversationId, afterSeq });
  if (!ack.ok) throw new Error(`resync: ${ack.error.message}`);
  return ack;
}

/** The whole stored log (staff view, internal events included) and a check that it is one clean machine run. */
async function storedLog(node: ServerProcess, conversationId: string): Promise<ConversationEvent[]> {
  const report = await api<ConversationReportResponse>(
    asServer(node),
    'GET',
    `/api/reports/conversations/${conversationId}`,
    { as: instructor },
  );
  expect(report.status).toBe(200);
  const logged = report.body.events as LoggedEvent[];
  expect(logged.map((e) => e.seq)).toEqual(logged.map((_, i) => i + 1));
  const events = logged.map((e) => e.event as unknown as ConversationEvent);
  const { library } = loadLibrary(readLibrary(SCENARIOS_DIR, '/'));
  const scenarioId = events[0]?.type === 'started' ? events[0].scenarioId : '';
  const ctx = createShopperContext(library, scenarioId, library.rubrics.get('default')!);
  // Every event is what the machine makes of the inputs before it: no step ran twice or was lost.
  expect(replayShopper(ctx, events).outputs).toEqual(events);
  return events;
}

/** Every acknowledged message once, at its acknowledged seq. */
function expectAcked(events: ConversationEvent[], acked: Map<string, number>): void {
  for (const [id, seq] of acked) {
    const at = events.flatMap((e, i) => (e.type === 'agent-message' && e.id === id ? [i + 1] : []));
    expect(at, `message ${id}`).toEqual([seq]);
  }
}

function expectChain(envelopes: EventEnvelope[]): void {
  let prev = 0;
  for (const e of envelopes) {
    expect(e.prevSeq).toBe(prev);
    prev = e.seq;
  }
}

beforeAll(async () => {
  databaseUrl = (await testDatabaseUrl(dataDir))!;
  // A starts first and migrates; B finds the schema in place.
  a = await startCluster('A');
  b = await startCluster('B');
  db = await openDatabase({ dataDir, databaseUrl });
  instructor = await seed('instructor', 'teacher');
}, 120_000);

afterAll(async () => {
  for (const c of clients) c.close();
  killAll();
  await db?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('guards shared by both processes (an attacker alternating them gains nothing)', () => {
  it(`opens at most ${MAX_OPEN_SOLO} solo practices for one student whose requests hit A and B at once`, async () => {
    const student = await seed('student', 'solo_both_nodes');
    const starts = await Promise.all(
      [a, b].flatMap((node) =>
        Array.from({ length: MAX_OPEN_SOLO }, () =>
          api<PracticeResponse>(asServer(node), 'POST', '/api/practice', {
            as: student,
            body: { scenarioId: 'price-objection' },
          }),
        ),
      ),
    );
    expect(starts.filter((s) => s.status === 200)).toHaveLength(MAX_OPEN_SOLO);
    for (const refused of starts.filter((s) => s.status !== 200)) {
      expect(refused.status).toBe(409);
      expect((refused.body as unknown as { error: { code: string } }).error.code).toBe('too-many-open');
    }
    const open = await db.db
      .selectFrom('conversations')
      .select('id')
      .where('student_id', '=', student.user.id)
      .where('status', '=', 'open')
      .execute();
    expect(open).toHaveLength(MAX_OPEN_SOLO);
  }, 120_000);

  it('counts wrong passwords on A and B in one window, and a browser known on A is known on B', async () => {
    await seed('student', 'guessed_on_both');
    const login = (node: ServerProcess, password: string, cookie?: string) =>
      api(asServer(node), 'POST', '/api/auth/login', {
        body: { username: 'guessed_on_both', password },
        cookie,
      });
    const first = await login(a, TEST_PASSWORD);
    expect(first.status).toBe(200);
    const device = first.headers
      .getSetCookie()
      .map((c) => c.split(';')[0]!)
      .find((c) => c.startsWith('kefu_device='));
    expect(device).toBeDefined();
    // Five wrong guesses in all, alternating processes: the sixth try is refused on both.
    for (let i = 0; i < 5; i++) expect((await login(i % 2 ? b : a, `wrong-guess-${i}`)).status).toBe(401);
    for (const node of [a, b]) expect((await login(node, TEST_PASSWORD)).status).toBe(429);
    // The student's own browser, known from the login on A, still gets in on B.
    expect((await login(b, TEST_PASSWORD, device)).status).toBe(200);
  }, 120_000);
});

describe('socket budgets with two processes', () => {
  it(`gives a user ${USER_RATE_LIMIT} events at once in all, however their sockets alternate A and B`, async () => {
    // Each process holds half of every user's budget once it knows of the other (the heartbeat tells it).
    for (const node of [a, b])
      await until(
        `${node.name} to split the budgets`,
        async () => (await api(asServer(node), 'GET', '/readyz')).body.processes === 2,
      );
    const student = await seed('student', 'flood_both_nodes');
    // Two sockets on each process: their own budgets add up to twice the user's.
    const sockets = [
      await connectTo(a, student),
      await connectTo(b, student),
      await connectTo(a, student),
      await connectTo(b, student),
    ];
    const acks = await Promise.all(
      sockets.flatMap((c) =>
        Array.from({ length: SOCKET_RATE_LIMIT }, () =>
          request<{ ok: boolean; error?: { code: string } }>(c.socket, 'conversation:resync', {
            conversationId: randomUUID(),
            afterSeq: 0,
          }),
        ),
      ),
    );
    const handled = acks.filter((ack) => ack.error?.code !== 'rate-limited');
    // Every handled one was looked at (and found to be no conversation of theirs); the rest refused.
    for (const ack of handled) expect(ack.error?.code).toBe('conversation-not-found');
    // At most the user's budget, plus what refills while the burst is read (a fifth of it per second).
    expect(handled.length).toBeGreaterThanOrEqual(USER_RATE_LIMIT / 2);
    expect(handled.length).toBeLessThanOrEqual(USER_RATE_LIMIT + USER_RATE_LIMIT / 4);
  }, 60_000);

  it(`caps a user's sockets at ${MAX_SOCKETS_PER_USER} on each process (what a socket costs is its process's)`, async () => {
    const student = await seed('student', 'tabs_both_nodes');
    const onA = await Promise.allSettled(
      Array.from({ length: MAX_SOCKETS_PER_USER + 2 }, () => connect(asServer(a), student)),
    );
    const opened = onA.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    clients.push(...opened);
    expect(opened).toHaveLength(MAX_SOCKETS_PER_USER);
    for (const r of onA) if (r.status === 'rejected') expect((r.reason as Error).message).toMatch(/页面太多/);
    // B bounds what the user costs B, whatever they hold on A.
    clients.push(await connectTo(b, student));
  }, 60_000);
});

describe('a class handed to another instructor with two processes', () => {
  it("the previous owner's monitor on B stops when an admin on A hands the class over; the new one's goes on", async () => {
    const admin = await seed('admin', 'handover_admin');
    const before = await seed('instructor', 'handover_before');
    const after = await seed('instructor', 'handover_after');
    const student = await seed('student', 'handover_student');
    const classes = classesRepository(db.db);
    const cls = await classes.create('交接班', before.user.id, 'default', Date.now());
    await classes.addMember(cls.id, student.user.id, 'student', Date.now());
    const created = await api(asServer(a), 'POST', `/api/classes/${cls.id}/drills`, {
      as: before,
      body: {
        title: '交接演练',
        settings: {
          scenarioIds: ['price-objection'],
          shoppersPerStudent: 1,
          arrivalIntervalSeconds: 0,
          concurrency: 1,
          durationMinutes: 10,
        },
      },
    });
    const drillId: string = created.body.drill.id;
    expect((await api(asServer(a), 'POST', `/api/drills/${drillId}/join`, { as: student })).status).toBe(200);
    expect((await api(asServer(a), 'POST', `/api/drills/${drillId}/start`, { as: before })).status).toBe(200);

    const watching = async (as: TestUser) => {
      const client = await connectTo(b, as);
      const updates: MonitorUpdatePayload[] = [];
      client.socket.on('monitor:update', (u) => updates.push(u));
      const ack = await request<MonitorWatchAck>(client.socket, 'monitor:watch', { drillId });
      return { client, updates, ack };
    };
    const old = await watching(before);
    expect(old.ack.ok).toBe(true);
    const handed = await api(asServer(a), 'PATCH', `/api/classes/${cls.id}`, {
      as: admin,
      body: { instructorId: after.user.id },
    });
    expect(handed.status).toBe(200);
    const fresh = await watching(after);
    expect(fresh.ack.ok).toBe(true);
    const seenByOld = old.updates.length;

    const conversationId = await until('the drill conversation', async () => {
      const open = await api<PracticeResponse>(asServer(a), 'GET', '/api/conversations?status=open', {
        as: student,
      });
      return open.body.conversations[0]?.id;
    });
    const onA = await connectTo(a, student);
    const sent = await request<SendAck>(onA.socket, 'conversation:send', {
      conversationId,
      message: { id: 'handover-1', text: '亲，在的，请问有什么可以帮您', source: 'typed' },
    });
    expect(sent.ok).toBe(true);
    await until('the new owner to see the reply', async () =>
      fresh.updates.some((u) => JSON.stringify(u).includes(conversationId)),
    );
    await sleep(500);
    expect(old.updates.length).toBe(seenByOld);
    const again = await request<MonitorWatchAck>(old.client.socket, 'monitor:watch', { drillId });
    expect(again).toMatchObject({ ok: false, error: { code: 'drill-not-found' } });
  }, 60_000);
});

describe('catalogue proofs with two processes', () => {
  it('a publication on B proves nothing A proved already (the verdicts are in the database)', async () => {
    const path = 'scenarios/products/wool-scarf.yaml';
    const shipped = readFileSync(resolve(SCENARIOS_DIR, 'products/wool-scarf.yaml'), 'utf8');
    const changed = shipped.replace('aliases: [围巾,', 'aliases: [围脖, 围巾,');
    const naming = ['mid-jacket-every-order-change', 'north-trip-cross-sell'];
    const publish = async (node: ServerProcess, text: string) => {
      const saved = await api(asServer(node), 'POST', '/api/studio/catalogue', {
        as: instructor,
        body: { path, text },
      });
      expect(saved.status).toBe(200);
      const res = await api(asServer(node), 'POST', '/api/studio/catalogue/publish', {
        as: instructor,
        body: { path, version: saved.body.version },
      });
      expect(res.status).toBe(200);
      return { version: saved.body.version as string, body: res.body };
    };
    const first = await publish(a, changed);
    expect(first.body).toMatchObject({ status: 'published', affected: naming, proved: naming });
    const back = await publish(a, shipped);
    expect(back.body).toMatchObject({ status: 'published', affected: naming, proved: naming });
    /** Until `node` plays the scarf's version `version`. */
    const playing = (node: ServerProcess, version: string) =>
      until(`the scarf's ${version} in force`, async () => {
        const history = await api(asServer(node), 'GET', `/api/studio/catalogue/history?path=${path}`, {
          as: instructor,
        });
        return history.body.versions?.some(
          (v: { version: string; current: boolean }) => v.current && v.version === version,
        );
      });
    // B plays the shipped scarf again (published on A), then publishes A's change: A proved it.
    await playing(b, back.version);
    const onB = await publish(b, changed);
    expect(onB.version).toBe(first.version);
    expect(onB.body).toMatchObject({ status: 'published', affected: naming, proved: [] });
    // The shipped scarf back for the tests after this one: proven on A too.
    const shippedOnB = await publish(b, shipped);
    expect(shippedOnB.body).toMatchObject({ status: 'published', affected: naming, proved: [] });
    await playing(a, back.version);
  });
});

describe('two server processes on one PostgreSQL', () => {
  it('a student moving between A and B keeps one unbroken, gap-free conversation', async () => {
    const student = await seed('student', 'mover');
    // In the instructor's class, so the instructor may read the stored log.
    const classes = classesRepository(db.db);
    const cls = await classes.create('集群练习班', instructor.user.id, 'default', Date.now());
    await classes.addMember(cls.id, student.user.id, 'student', Date.now());
    const started = await api<PracticeResponse>(asServer(a), 'POST', '/api/practice', {
      as: student,
      body: { scenarioId: 'burst-questions' },
    });
    expect(started.status).toBe(200);
    const id = started.body.conversations[0]!.id;
    const held = new Map<number, EventEnvelope>();
    const acked = new Map<string, number>();
    const texts = [
      '亲，在的~',
      '米白色有货哦',
      '包邮的亲',
      '有运费险哦',
      '48小时内发货',
      '好的亲，拍下后尽快为您发出',
    ];
    for (const [i, text] of texts.entries()) {
      const node = i % 2 === 0 ? a : b;
      const client = await connectTo(node, student);
      const last = Math.max(0, ...held.keys());
      const ack = await resync(client, id, last);
      for (const e of ack.events) held.set(e.seq, e);
      if (ack.conversation.status === 'ended') break;
      const sent = await request<SendAck>(client.socket, 'conversation:send', {
        conversationId: id,
        message: { id: `move-${i}`, text, source: 'typed' },
      });
      if (!sent.ok) throw new Error(`send on ${node.name}: ${sent.error.message}`);
      acked.set(`move-${i}`, sent.seq);
      // The conversation moved with the socket: this process owns it now.
      expect(await leaseOwner('conversation', id)).toBe(nodeIds.get(node));
      await sleep(1200);
      for (const e of client.events) if (e.conversationId === id) held.set(e.seq, e);
      client.close();
    }
    // What the student holds (live events, gaps filled by resync) is exactly the stored log, chained.
    const check = await connectTo(b, student);
    const full = await resync(check, id, 0);
    const mine = [...held.values()].sort((x, y) => x.seq - y.seq);
    expect(mine.map((e) => e.seq)).toEqual(full.events.slice(0, mine.length).map((e) => e.seq));
    expectChain(full.events);
    expect(mine).toEqual(full.events.slice(0, mine.length));
    const events = await storedLog(b, id);
    expectAcked(events, acked);
    expect(acked.size).toBeGreaterThanOrEqual(3);
    // The buyer kept talking across the moves.
    expect(events.filter((e) => e.type === 'buyer-message').length).toBeGreaterThan(2);
  });

  it('a monitor on B sees the drill of a student on A; SIGKILL of A: B takes over, nothing lost', async () => {
    const student = await seed('student', 'drill-student');
    const classes = classesRepository(db.db);
    const cls = await classes.create('集群演练班', instructor.user.id, 'default', Date.now());
    await classes.addMember(cls.id, student.user.id, 'student', Date.now());
    const created = await api(asServer(a), 'POST', `/api/classes/${cls.id}/drills`, {
      as: instructor,
      body: {
        title: '双进程演练',
        settings: {
          scenarioIds: ['burst-questions', 'jacket-colour-size'],
          shoppersPerStudent: 4,
          arrivalIntervalSeconds: 5,
          concurrency: 4,
          durationMinutes: 3,
        },
      },
    });
    expect(created.status).toBe(200);
    const drillId: string = created.body.drill.id;
    expect((await api(asServer(a), 'POST', `/api/drills/${drillId}/join`, { as: student })).status).toBe(200);

    // The student works on A, answering every buyer message; the instructor watches from B.
    const acked = new Map<string, Map<string, number>>();
    const opened: string[] = [];
    let answering = true;
    let inFlight = 0;
    const answer = (client: LiveClient) => {
      client.socket.on('conversation:opened', (p: ConversationOpenedPayload) =>
        opened.push(p.conversation.id),
      );
      client.socket.on('conversation:event', (e: EventEnvelope) => {
        if (!answering || e.event.type !== 'buyer-message') return;
        reply(client, e.conversationId);
      });
    };
    const reply = (client: LiveClient, conversationId: string) => {
      const messageId = randomUUID();
      inFlight++;
      request<SendAck>(client.socket, 'conversation:send', {
        conversationId,
        message: { id: messageId, text: '亲，在的，马上为您查看~', source: 'typed' },
      })
        .then((ack) => {
          if (!ack.ok) return;
          const mine = acked.get(conversationId) ?? new Map<string, number>();
          mine.set(messageId, ack.seq);
          acked.set(conversationId, mine);
        })
        .finally(() => {
          inFlight--;
        });
    };
    const onA = await connectTo(a, student);
    answer(onA);
    const monitor = await connectTo(b, instructor);
    const updates: MonitorUpdatePayload[] = [];
    monitor.socket.on('monitor:update', (u) => updates.push(u));

    const start = await api(asServer(a), 'POST', `/api/drills/${drillId}/start`, { as: instructor });
    expect(start.status).toBe(200);
    const startedAt: number = start.body.drill.startedAt;
    const watch = await request<MonitorWatchAck>(monitor.socket, 'monitor:watch', { drillId });
    if (!watch.ok) throw new Error(watch.error.message);
    expect(await leaseOwner('drill', drillId)).toBe(nodeIds.get(a));

    // Two buyers arrive (0 s, 5 s) and are answered on A.
    await until('two buyers on A', async () => opened.length >= 2 && acked.size >= 2);
    answering = false;
    await until('answers stored', async () => inFlight === 0);
    await sleep(500);

    // The monitor on B agrees with what the student on A saw: the same open buyers, the same waits.
    const studentView = () => {
      const open = opened.filter(
        (id) => !onA.events.some((e) => e.conversationId === id && e.event.type === 'ended'),
      );
      const waiting = new Map<string, number | null>();
      for (const id of open) {
        let since: number | null = null;
        for (const e of onA.events.filter((x) => x.conversationId === id).sort((x, y) => x.seq - y.seq)) {
          if (e.event.type === 'buyer-message' && since === null) since = e.event.at;
          if (e.event.type === 'agent-message') since = null;
        }
        waiting.set(id, since);
      }
      return waiting;
    };
    const monitorView = (s: StudentMonitor) => new Map(s.open.map((c) => [c.conversationId, c.waitingSince]));
    await until('the monitor on B to match the student on A', async () => {
      const last = [...updates].reverse().find((u) => u.student.studentId === student.user.id);
      if (!last) return false;
      const mine = studentView();
      const theirs = monitorView(last.student);
      return mine.size >= 2 && JSON.stringify([...mine].sort()) === JSON.stringify([...theirs].sort());
    });

    // SIGKILL A mid-drill, right after the student's answers (buyers are typing their next lines).
    for (const id of opened.slice(0, 2)) {
      expect(await leaseOwner('conversation', id)).toBe(nodeIds.get(a));
    }
    const killedAt = Date.now();
    expect(await a.stop('SIGKILL')).toBe('SIGKILL');
    onA.close();
    // The database is the truth now: where each open conversation stood, and its next due time.
    const before = await db.db
      .selectFrom('conversations')
      .select(['id', 'last_seq', 'wake_at', 'slot'])
      .where('drill_id', '=', drillId)
      .where('status', '=', 'open')
      .execute();
    expect(before.length).toBeGreaterThanOrEqual(2);

    // B adopts every conversation of A and the drill's schedule within the lease expiry.
    const bId = nodeIds.get(b);
    for (const c of before) {
      await until(`B to take ${c.id} over`, async () => (await leaseOwner('conversation', c.id)) === bId);
    }
    await until('B to take the schedule over', async () => (await leaseOwner('drill', drillId)) === bId);
    expect(Date.now() - killedAt).toBeLessThanOrEqual(TAKEOVER_BOUND_MS);

    // Shopper timers resume at their due times: the first event after the kill is stamped with the due time.
    let resumed = 0;
    for (const c of before) {
      if (c.wake_at === null || c.wake_at > killedAt + 20_000) continue;
      const next = await until(`${c.id} to wake`, async () => {
        const rows = await db.eventLog.read(c.id, c.last_seq);
        return rows[0];
      });
      expect(next.event.at).toBe(c.wake_at);
      resumed++;
    }
    expect(resumed).toBeGreaterThanOrEqual(1);

    // The schedule goes on from B: slots 2 and 3 arrive at their times (or as soon as B took over).
    const slots = await until('slots 2 and 3', async () => {
      const rows = await db.db
        .selectFrom('conversations')
        .select(['slot', 'started_at'])
        .where('drill_id', '=', drillId)
        .orderBy('slot')
        .execute();
      return rows.length >= 4 ? rows : false;
    });
    expect(slots.map((s) => s.slot)).toEqual([0, 1, 2, 3]);
    for (const s of slots.slice(2)) {
      const due = startedAt + (s.slot ?? 0) * 5000;
      expect(s.started_at).toBeGreaterThanOrEqual(due);
      expect(s.started_at - Math.max(due, killedAt)).toBeLessThanOrEqual(TAKEOVER_BOUND_MS);
    }

    // The student reconnects to B and carries on; nothing acknowledged was lost or duplicated.
    const onB = await connectTo(b, student);
    answering = true;
    answer(onB);
    const firstIds = opened.slice(0, 2);
    for (const id of firstIds) {
      const full = await resync(onB, id, 0);
      expectChain(full.events);
    }
    // Buyers who wrote while the student was offline are waiting for a reply, and their next message may be
    // a long way off: answer them after the resync, as the workbench does (else this waits on their patience).
    const stillOpen = await db.db
      .selectFrom('conversations')
      .select('id')
      .where('drill_id', '=', drillId)
      .where('status', '=', 'open')
      .execute();
    for (const { id } of stillOpen) {
      const { events } = await resync(onB, id, 0);
      expectChain(events);
      if (events.at(-1)?.event.type === 'buyer-message') reply(onB, id);
    }
    const more = await until('an answer acknowledged by B', async () => {
      const count = [...acked.values()].reduce((n, m) => n + m.size, 0);
      return count > 2 ? count : false;
    });
    expect(more).toBeGreaterThan(2);
    answering = false;
    await until('answers stored', async () => inFlight === 0);
    for (const [id, mine] of acked) expectAcked(await storedLog(b, id), mine);

    // The monitor on B saw the buyers B opened after the takeover.
    const lateIds = (
      await db.db
        .selectFrom('conversations')
        .select('id')
        .where('drill_id', '=', drillId)
        .where('slot', '>=', 2)
        .execute()
    ).map((r) => r.id);
    await until('the monitor to show the late buyers', async () =>
      updates.some((u) => u.student.open.some((c) => lateIds.includes(c.conversationId))),
    );

    const stop = await api(asServer(b), 'POST', `/api/drills/${drillId}/stop`, { as: instructor });
    expect(stop.status).toBe(200);
    const open = await db.db
      .selectFrom('conversations')
      .select('id')
      .where('drill_id', '=', drillId)
      .where('status', '=', 'open')
      .execute();
    expect(open).toEqual([]);
  });

  it('a scenario published in the studio on B is what new practice plays on every process', async () => {
    const text = readFileSync(resolve(SCENARIOS_DIR, 'buyers/jacket-colour-size.yaml'), 'utf8')
      .replace(/^id: .*$/m, 'id: jacket-remake')
      .replace(/^title: .*$/m, 'title: 羽绒服选颜色和尺码（改版）');
    // A died in the test before: a new process beside B, running before the save.
    const a2 = await startCluster('A2');
    const saved = await api(asServer(b), 'POST', '/api/studio/scenarios', { as: instructor, body: { text } });
    expect(saved.status).toBe(200);
    const published = await api(asServer(b), 'POST', '/api/studio/scenarios/jacket-remake/publish', {
      as: instructor,
      body: { version: saved.body.version, classId: null },
    });
    expect(published.status).toBe(200);
    const student = await seed('student', 'studio-player');
    const practice = await api<PracticeResponse>(asServer(a2), 'POST', '/api/practice', {
      as: student,
      body: { scenarioId: 'jacket-remake' },
    });
    expect(practice.status).toBe(200);
    expect(practice.body.conversations[0]!.scenarioTitle).toBe('羽绒服选颜色和尺码（改版）');
    const row = await db.db
      .selectFrom('conversations')
      .select('scenario_version')
      .where('id', '=', practice.body.conversations[0]!.id)
      .executeTakeFirst();
    expect(row?.scenario_version).toBe(saved.body.version);
    expect(await a2.stop('SIGTERM')).toBe(0);
  });

  it('SIGTERM drains: not ready at once, then the leases are handed over, not left to expire', async () => {
    const c = await startCluster('C', { DRAIN_DELAY_SECONDS: '1' });
    const student = await seed('student', 'drained');
    const started = await api<PracticeResponse>(asServer(c), 'POST', '/api/practice', {
      as: student,
      body: { scenarioId: 'jacket-colour-size' },
    });
    const id = started.body.conversations[0]!.id;
    expect(await leaseOwner('conversation', id)).toBe(nodeIds.get(c));
    const stopped = c.stop('SIGTERM');
    await until(
      'C to report not ready',
      async () => (await api(asServer(c), 'GET', '/readyz')).status === 503,
    );
    expect((await api(asServer(c), 'GET', '/healthz')).status).toBe(200);
    expect(await stopped).toBe(0);
    const exitedAt = Date.now();
    await until(
      'B to adopt the drained conversation',
      async () => (await leaseOwner('conversation', id)) === nodeIds.get(b),
    );
    // Handed over, not expired: well before a lease would have run out.
    expect(Date.now() - exitedAt).toBeLessThan(LEASE_MS);
  });
});
