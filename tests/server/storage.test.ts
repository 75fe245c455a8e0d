// The storage layer per dialect: the event log's guarantees (atomic steps, one failing step of those that
// arrive together failing alone — grouped into one commit on PostgreSQL —, idempotent client ids, fencing of
// a stale owner, never a step inside another transaction) and the leases that give each conversation one
// owner. SQLite always; PostgreSQL too when KEFU_TEST_PG is set (`npm run test:cluster`).
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import type { ConversationEvent } from '@kefu/shared';
import { afterAll, describe, expect, it } from 'vitest';
import { databaseLeases } from '../../server/src/cluster/leases.ts';
import { type Connection, openDatabase } from '../../server/src/db/connection.ts';
import { StaleOwnerError } from '../../server/src/db/event-log.ts';
import type { ConversationsTable } from '../../server/src/db/schema.ts';
import { tempDataDir, testDatabaseUrl } from './helpers/server.ts';

const dialects = ['sqlite', ...(process.env.KEFU_TEST_PG ? ['postgres'] : [])] as const;
const dirs: string[] = [];
const connections: Connection[] = [];

afterAll(async () => {
  for (const c of connections) await c.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

async function open(dialect: string, dataDir = tempDataDir()): Promise<Connection> {
  dirs.push(dataDir);
  const databaseUrl = dialect === 'postgres' ? await testDatabaseUrl(dataDir) : null;
  const connection = await openDatabase({ dataDir, databaseUrl });
  connections.push(connection);
  return connection;
}

const T0 = 1_700_000_000_000;
const started = (at: number): ConversationEvent => ({
  type: 'started',
  at,
  scenarioId: 's',
  scenarioVersion: 'v',
  seed: 1,
});
const typing = (at: number): ConversationEvent => ({ type: 'buyer-typing', at });
const agent = (id: string, at: number, text = '在的亲'): ConversationEvent => ({
  type: 'agent-message',
  at,
  id,
  text,
  source: 'typed',
});

async function seedConversation(c: Connection, fence = 0): Promise<ConversationsTable> {
  const studentId = randomUUID();
  await c.db
    .insertInto('users')
    .values({
      id: studentId,
      username: `u-${studentId}`,
      display_name: '学员',
      role: 'student',
      password_hash: 'x',
      must_change_password: 0,
      created_at: T0,
    })
    .execute();
  const row: ConversationsTable = {
    id: randomUUID(),
    student_id: studentId,
    drill_id: null,
    slot: null,
    scenario_id: 's',
    scenario_version: 'v',
    rubric_id: 'default',
    seed: 2 ** 31 + 7,
    status: 'open',
    started_at: T0,
    ended_at: null,
    last_seq: 1,
    wake_at: T0 + 5000,
    fence,
  };
  await c.eventLog.open(row, [started(T0)]);
  return row;
}

const head = (lastSeq: number, endedAt: number | null = null) => ({ lastSeq, wakeAt: null, endedAt });

describe.each(dialects)('storage on %s', (dialect) => {
  it('opens a conversation with its first events and reads back numbers as numbers', async () => {
    const c = await open(dialect);
    const row = await seedConversation(c);
    const stored = await c.db
      .selectFrom('conversations')
      .selectAll()
      .where('id', '=', row.id)
      .executeTakeFirst();
    expect(stored).toEqual(row);
    expect(await c.eventLog.read(row.id)).toEqual([{ seq: 1, event: started(T0) }]);
  });

  it('appends a step and moves the head atomically; a repeat of the same step changes nothing', async () => {
    const c = await open(dialect);
    const row = await seedConversation(c);
    await c.eventLog.commit(row.id, 1, [typing(T0 + 1), agent('m1', T0 + 2)], head(3), 0);
    expect((await c.eventLog.read(row.id)).map((s) => s.seq)).toEqual([1, 2, 3]);
    expect(await c.eventLog.findMessage(row.id, 'm1')).toBe(3);
    // The same step again (a stale view of the head): refused as a whole, no event twice.
    await expect(c.eventLog.commit(row.id, 1, [typing(T0 + 1)], head(2), 0)).rejects.toBeInstanceOf(
      StaleOwnerError,
    );
    expect((await c.eventLog.read(row.id)).map((s) => s.seq)).toEqual([1, 2, 3]);
    const after = await c.db
      .selectFrom('conversations')
      .selectAll()
      .where('id', '=', row.id)
      .executeTakeFirst();
    expect(after?.last_seq).toBe(3);
    expect(after?.wake_at).toBeNull();
  });

  it('an ordinary step keeps the conversation open; the step that ends it stores its status and end', async () => {
    const c = await open(dialect);
    const row = await seedConversation(c);
    const stored = () =>
      c.db
        .selectFrom('conversations')
        .select(['status', 'ended_at', 'last_seq', 'wake_at'])
        .where('id', '=', row.id)
        .executeTakeFirst();
    await c.eventLog.commit(row.id, 1, [typing(T0 + 1)], { lastSeq: 2, wakeAt: T0 + 900, endedAt: null }, 0);
    expect(await stored()).toEqual({ status: 'open', ended_at: null, last_seq: 2, wake_at: T0 + 900 });
    // Two events without a client id and two with different ones: only a repeated client id is refused.
    await c.eventLog.commit(row.id, 2, [typing(T0 + 2), agent('a', T0 + 3), agent('b', T0 + 4)], head(5), 0);
    await expect(c.eventLog.commit(row.id, 5, [agent('a', T0 + 5)], head(6), 0)).rejects.toThrow();
    const ended: ConversationEvent = { type: 'ended', at: T0 + 6, reason: 'stopped' };
    await c.eventLog.commit(row.id, 5, [ended], head(6, T0 + 6), 0);
    expect(await stored()).toEqual({ status: 'ended', ended_at: T0 + 6, last_seq: 6, wake_at: null });
  });

  it('refuses an append carrying an old fencing token, storing nothing', async () => {
    const c = await open(dialect);
    const row = await seedConversation(c, 4);
    await expect(c.eventLog.commit(row.id, 1, [agent('m1', T0 + 1)], head(2), 3)).rejects.toBeInstanceOf(
      StaleOwnerError,
    );
    expect(await c.eventLog.findMessage(row.id, 'm1')).toBeUndefined();
    await c.eventLog.commit(row.id, 1, [agent('m1', T0 + 1)], head(2), 4);
    expect(await c.eventLog.findMessage(row.id, 'm1')).toBe(2);
  });

  it('commits the steps that arrive together; a failing step fails alone', async () => {
    const c = await open(dialect);
    const a = await seedConversation(c);
    const b = await seedConversation(c);
    const d = await seedConversation(c);
    await c.eventLog.commit(b.id, 1, [agent('dup', T0 + 1)], head(2), 0);
    // One turn of the event loop: three steps, the middle one repeats a stored client id of its conversation.
    const results = await Promise.allSettled([
      c.eventLog.commit(a.id, 1, [agent('x', T0 + 2)], head(2), 0),
      c.eventLog.commit(b.id, 2, [typing(T0 + 2), agent('dup', T0 + 3)], head(4), 0),
      c.eventLog.commit(d.id, 1, [agent('dup', T0 + 2)], head(2), 0),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((await c.eventLog.read(a.id)).map((s) => s.seq)).toEqual([1, 2]);
    // The failed step left no trace: neither its events nor its head.
    expect((await c.eventLog.read(b.id)).map((s) => s.seq)).toEqual([1, 2]);
    const bRow = await c.db.selectFrom('conversations').selectAll().where('id', '=', b.id).executeTakeFirst();
    expect(bRow?.last_seq).toBe(2);
    // A client id is unique per conversation only.
    expect(await c.eventLog.findMessage(d.id, 'dup')).toBe(2);
  });

  it('commits the openings that arrive together, with the steps; a failing opening fails alone', async () => {
    const c = await open(dialect);
    const a = await seedConversation(c);
    const base = await seedConversation(c);
    const fresh = (studentId: string): ConversationsTable => ({
      ...base,
      id: randomUUID(),
      student_id: studentId,
    });
    const first = fresh(base.student_id);
    const orphan = fresh(randomUUID()); // no such student: the foreign key refuses it
    const last = fresh(base.student_id);
    // One turn of the event loop: three openings and a step of another conversation.
    const results = await Promise.allSettled([
      c.eventLog.open(first, [started(T0)]),
      c.eventLog.open(orphan, [started(T0)]),
      c.eventLog.commit(a.id, 1, [agent('x', T0 + 2)], head(2), 0),
      c.eventLog.open(last, [started(T0), typing(T0 + 1)]),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    expect(await c.eventLog.read(first.id)).toEqual([{ seq: 1, event: started(T0) }]);
    expect(await c.eventLog.read(last.id)).toEqual([
      { seq: 1, event: started(T0) },
      { seq: 2, event: typing(T0 + 1) },
    ]);
    expect((await c.eventLog.read(a.id)).map((s) => s.seq)).toEqual([1, 2]);
    // The refused opening left no trace: neither its row nor its events.
    expect(await c.eventLog.read(orphan.id)).toEqual([]);
    const rows = await c.db.selectFrom('conversations').select('id').where('id', '=', orphan.id).execute();
    expect(rows).toEqual([]);
    const stored = await c.db
      .selectFrom('conversations')
      .selectAll()
      .where('id', '=', last.id)
      .executeTakeFirst();
    expect(stored).toEqual(last);
  });

  it('never commits a step inside a transaction that is open meanwhile: its rollback keeps the step', async () => {
    const c = await open(dialect);
    const a = await seedConversation(c);
    let step: Promise<void> | undefined;
    await expect(
      c.db.transaction().execute(async (trx) => {
        await trx.selectFrom('conversations').select('id').where('id', '=', a.id).execute();
        // On SQLite the transaction is open on the event log's own handle.
        step = c.eventLog.commit(a.id, 1, [agent('x', T0 + 2)], head(2), 0);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    await step;
    expect((await c.eventLog.read(a.id)).map((s) => s.seq)).toEqual([1, 2]);
    expect(await c.eventLog.findMessage(a.id, 'x')).toBe(2);
  });

  it('keeps many concurrent steps of many conversations in order, each seq once', async () => {
    const c = await open(dialect);
    const rows = await Promise.all(Array.from({ length: 12 }, () => seedConversation(c)));
    for (let step = 0; step < 5; step++) {
      await Promise.all(
        rows.map((row) =>
          c.eventLog.commit(row.id, 1 + step, [agent(`m${step}`, T0 + step + 1)], head(2 + step), 0),
        ),
      );
    }
    for (const row of rows) {
      const stored = await c.eventLog.read(row.id);
      expect(stored.map((s) => s.seq)).toEqual([1, 2, 3, 4, 5, 6]);
      expect(stored.slice(1).map((s) => (s.event.type === 'agent-message' ? s.event.id : ''))).toEqual([
        'm0',
        'm1',
        'm2',
        'm3',
        'm4',
      ]);
    }
  });

  it('runs its migrations once: a second start on the same database changes nothing', async () => {
    const dataDir = tempDataDir();
    const first = await open(dialect, dataDir);
    const row = await seedConversation(first);
    const second = await open(dialect, dataDir);
    expect(await second.eventLog.read(row.id)).toHaveLength(1);
  });

  it('opens a drill slot once per student (unique drill, student, slot)', async () => {
    const c = await open(dialect);
    const row = await seedConversation(c);
    const classId = randomUUID();
    const drillId = randomUUID();
    await c.db
      .insertInto('classes')
      .values({
        id: classId,
        name: '一班',
        owner_id: row.student_id,
        join_code: classId.slice(0, 8),
        rubric_id: 'default',
        grade_weights: '{}',
        created_at: T0,
      })
      .execute();
    await c.db
      .insertInto('drills')
      .values({
        id: drillId,
        class_id: classId,
        title: '演练',
        settings: '{}',
        versions: '{}',
        status: 'running',
        created_by: row.student_id,
        created_at: T0,
        started_at: T0,
        ends_at: T0 + 60_000,
        ended_at: null,
      })
      .execute();
    const slotRow = (slot: number) => ({ ...row, id: randomUUID(), drill_id: drillId, slot });
    await c.eventLog.open(slotRow(0), [started(T0)]);
    await expect(c.eventLog.open(slotRow(0), [started(T0)])).rejects.toThrow();
    await c.eventLog.open(slotRow(1), [started(T0)]);
    expect(
      (await c.db.selectFrom('conversations').select('slot').where('drill_id', '=', drillId).execute())
        .length,
    ).toBe(2);
  });

  it('leases: one owner at a time, a takeover fences the old owner off, a dead owner’s lease runs out', async () => {
    const c = await open(dialect);
    let now = T0;
    const clock = () => now;
    const a = databaseLeases(c.db, { ttlMs: 10_000, now: clock, nodeId: 'a' });
    const b = databaseLeases(c.db, { ttlMs: 10_000, now: clock, nodeId: 'b' });
    const row = await seedConversation(c, 1);
    await c.db.deleteFrom('leases').execute();
    expect(await a.orphans('conversation')).toContain(row.id);
    expect(await a.take('conversation', row.id, true)).toBe(1);
    expect(await b.orphans('conversation')).not.toContain(row.id);
    // B cannot adopt a live lease, but takes the conversation over when its student comes to B.
    expect(await b.take('conversation', row.id, true)).toBeNull();
    expect(await b.take('conversation', row.id)).toBe(2);
    const fenced = await c.db
      .selectFrom('conversations')
      .select('fence')
      .where('id', '=', row.id)
      .executeTakeFirst();
    expect(fenced?.fence).toBe(2);
    // A's append in flight with token 1 changes nothing; B's goes through.
    await expect(c.eventLog.commit(row.id, 1, [agent('late', T0 + 1)], head(2), 1)).rejects.toBeInstanceOf(
      StaleOwnerError,
    );
    await c.eventLog.commit(row.id, 1, [agent('b1', T0 + 1)], head(2), 2);
    // A's heartbeat no longer renews it; B's does. B dies: after the expiry A adopts it with a new token.
    expect(await a.renew()).toBe(0);
    now += 8_000;
    expect(await b.renew()).toBe(1);
    now += 9_000;
    expect(await a.orphans('conversation')).not.toContain(row.id);
    now += 2_000;
    expect(await a.orphans('conversation')).toContain(row.id);
    expect(await a.take('conversation', row.id, true)).toBe(3);
    // A drains: released leases are orphans at once, before any expiry.
    await a.release('conversation', [row.id]);
    expect(await b.orphans('conversation')).toContain(row.id);
    expect(await b.take('conversation', row.id, true)).toBe(4);
    // Ended conversations are nobody's concern.
    await c.eventLog.commit(row.id, 2, [typing(T0 + 2)], head(3, T0 + 2), 4);
    await b.drop('conversation', row.id);
    expect(await a.orphans('conversation')).not.toContain(row.id);
  });
});
