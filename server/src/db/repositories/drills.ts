// Class drills and exams (a drill with a window): settings, pinned scenario versions, lifecycle and who joined.
import { randomUUID } from 'node:crypto';
import type { DrillSettings, DrillView } from '@kefu/shared';
import type { Kysely, Selectable } from 'kysely';
import type { Database, DrillsTable } from '../schema.ts';

export type DrillRow = Selectable<DrillsTable>;

/** `joinedCount`: how many students joined, for a draft that starts when N joined. */
export function toDrillView(row: DrillRow, joined?: boolean, joinedCount?: number): DrillView {
  const view: DrillView = {
    id: row.id,
    classId: row.class_id,
    kind: row.kind,
    title: row.title,
    status: row.status,
    graded: row.graded === 1,
    opensAt: row.opens_at,
    closesAt: row.closes_at,
    settings: JSON.parse(row.settings) as DrillSettings,
    versions: JSON.parse(row.versions) as Record<string, string>,
    createdAt: row.created_at,
    startedAt: row.started_at,
    endsAt: row.ends_at,
    endedAt: row.ended_at,
  };
  if (joined !== undefined) view.joined = joined;
  if (joinedCount !== undefined) view.joinedCount = joinedCount;
  return view;
}

/** A drill's view with its join count when it waits for N students to start (the pages show k/N). */
export async function countedDrillView(
  drills: DrillsRepository,
  row: DrillRow,
  joined?: boolean,
): Promise<DrillView> {
  const { startWhenJoined } = JSON.parse(row.settings) as DrillSettings;
  const waiting = row.status === 'draft' && startWhenJoined !== undefined;
  return toDrillView(row, joined, waiting ? await drills.countParticipants(row.id) : undefined);
}

export function drillsRepository(db: Kysely<Database>) {
  return {
    async create(
      input: {
        classId: string;
        title: string;
        settings: DrillSettings;
        versions: Record<string, string>;
        /** An exam's window; without it, a drill. */
        window?: { opensAt: number; closesAt: number };
        graded?: boolean;
      },
      createdBy: string,
      now: number,
    ): Promise<DrillRow> {
      const row: DrillRow = {
        id: randomUUID(),
        class_id: input.classId,
        kind: input.window ? 'exam' : 'drill',
        opens_at: input.window?.opensAt ?? null,
        closes_at: input.window?.closesAt ?? null,
        graded: input.graded === false ? 0 : 1,
        title: input.title,
        settings: JSON.stringify(input.settings),
        versions: JSON.stringify(input.versions),
        status: 'draft',
        created_by: createdBy,
        created_at: now,
        started_at: null,
        ends_at: null,
        ended_at: null,
      };
      await db.insertInto('drills').values(row).execute();
      return row;
    },
    get: (id: string) => db.selectFrom('drills').selectAll().where('id', '=', id).executeTakeFirst(),
    listForClass: (classId: string) =>
      db
        .selectFrom('drills')
        .selectAll()
        .where('class_id', '=', classId)
        .orderBy('created_at', 'desc')
        .execute(),
    /** The exams of some classes not opened yet: their scenarios are hidden from the students. */
    unopenedExams: (classIds: readonly string[]) =>
      db
        .selectFrom('drills')
        .select(['kind', 'status', 'versions'])
        .where('class_id', 'in', classIds)
        .where('kind', '=', 'exam')
        .where('status', '=', 'draft')
        .execute(),
    /** Exams not opened yet (their opening is timed at start). */
    listScheduledExams: () =>
      db.selectFrom('drills').selectAll().where('kind', '=', 'exam').where('status', '=', 'draft').execute(),
    async setGraded(id: string, graded: boolean): Promise<void> {
      await db
        .updateTable('drills')
        .set({ graded: graded ? 1 : 0 })
        .where('id', '=', id)
        .execute();
    },
    listRunning: () => db.selectFrom('drills').selectAll().where('status', '=', 'running').execute(),
    /** Drills (not exams) not started yet: at boot, those whose Nth student joined just before a crash. */
    listDraftDrills: () =>
      db.selectFrom('drills').selectAll().where('kind', '=', 'drill').where('status', '=', 'draft').execute(),
    /** Starts a draft; false when it was no longer a draft (started at the same moment by its Nth join). */
    async start(id: string, now: number, endsAt: number): Promise<boolean> {
      const result = await db
        .updateTable('drills')
        .set({ status: 'running', started_at: now, ends_at: endsAt })
        .where('id', '=', id)
        .where('status', '=', 'draft')
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },
    async countParticipants(drillId: string): Promise<number> {
      const row = await db
        .selectFrom('drill_participants')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where('drill_id', '=', drillId)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    /** Finishes a running drill at `now`; returns when it finished (the first finish wins). */
    async finish(id: string, now: number): Promise<number | null> {
      await db
        .updateTable('drills')
        .set({ status: 'finished', ended_at: now })
        .where('id', '=', id)
        .where('status', '=', 'running')
        .execute();
      const row = await db.selectFrom('drills').select('ended_at').where('id', '=', id).executeTakeFirst();
      return row?.ended_at ?? null;
    },
    /**
     * Joins once (the first join's time stays, also for joins at once on several processes). `first` says
     * whether this call made the join — the database decides, so of two joins at once exactly one is first.
     */
    async join(
      drillId: string,
      studentId: string,
      now: number,
    ): Promise<{ joinedAt: number; first: boolean }> {
      const inserted = await db
        .insertInto('drill_participants')
        .values({ drill_id: drillId, student_id: studentId, joined_at: now })
        .onConflict((oc) => oc.columns(['drill_id', 'student_id']).doNothing())
        .executeTakeFirst();
      const row = await db
        .selectFrom('drill_participants')
        .select('joined_at')
        .where('drill_id', '=', drillId)
        .where('student_id', '=', studentId)
        .executeTakeFirstOrThrow();
      return { joinedAt: row.joined_at, first: Number(inserted.numInsertedOrUpdatedRows ?? 0n) > 0 };
    },
    participants: (drillId: string) =>
      db
        .selectFrom('drill_participants')
        .innerJoin('users', 'users.id', 'drill_participants.student_id')
        .select(['drill_participants.student_id', 'drill_participants.joined_at', 'users.display_name'])
        .where('drill_id', '=', drillId)
        .execute(),
    participant: (drillId: string, studentId: string) =>
      db
        .selectFrom('drill_participants')
        .selectAll()
        .where('drill_id', '=', drillId)
        .where('student_id', '=', studentId)
        .executeTakeFirst(),
    async isParticipant(drillId: string, studentId: string): Promise<boolean> {
      const r = await db
        .selectFrom('drill_participants')
        .select('student_id')
        .where('drill_id', '=', drillId)
        .where('student_id', '=', studentId)
        .executeTakeFirst();
      return r !== undefined;
    },
  };
}
export type DrillsRepository = ReturnType<typeof drillsRepository>;
