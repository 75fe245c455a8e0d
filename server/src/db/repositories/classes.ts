// Classes, their join codes and members (students and assigned trainers; the owner is the instructor).
import { randomInt, randomUUID } from 'node:crypto';
import type { ClassMember, ClassView, GradeWeights } from '@kefu/shared';
import type { Kysely, Selectable } from 'kysely';
import type { ClassesTable, Database } from '../schema.ts';

export type ClassRow = Selectable<ClassesTable>;

export const DEFAULT_GRADE_WEIGHTS: GradeWeights = {
  system: 60,
  exam: 60,
  teacher: 20,
  mentor: 10,
  self: 10,
};

/** A class's weights as stored; those saved before exams existed get the default exam weight. */
export function gradeWeightsOf(row: Pick<ClassRow, 'grade_weights'>): GradeWeights {
  return {
    exam: DEFAULT_GRADE_WEIGHTS.exam,
    ...(JSON.parse(row.grade_weights) as Partial<GradeWeights>),
  } as GradeWeights;
}

// No 0/O/1/I: codes are read aloud and copied from a projector.
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export function newJoinCode(): string {
  let code = '';
  for (let i = 0; i < 6; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

export function classesRepository(db: Kysely<Database>) {
  const withOwner = () =>
    db
      .selectFrom('classes')
      .innerJoin('users', 'users.id', 'classes.owner_id')
      .selectAll('classes')
      .select('users.display_name as owner_name')
      .select((eb) =>
        eb
          .selectFrom('enrollments')
          .whereRef('enrollments.class_id', '=', 'classes.id')
          .where('enrollments.role', '=', 'student')
          .select(eb.fn.countAll<number>().as('n'))
          .as('student_count'),
      );
  type Joined = ClassRow & { owner_name: string; student_count: number | null };
  const view = (r: Joined, showCode: boolean): ClassView => ({
    id: r.id,
    name: r.name,
    joinCode: showCode ? r.join_code : null,
    ownerId: r.owner_id,
    ownerName: r.owner_name,
    studentCount: Number(r.student_count ?? 0),
    rubricId: r.rubric_id,
    gradeWeights: gradeWeightsOf(r),
    gradeSolo: r.grade_solo === 1,
    createdAt: r.created_at,
  });

  return {
    view,
    async create(name: string, ownerId: string, rubricId: string, now: number): Promise<ClassRow> {
      const row: ClassRow = {
        id: randomUUID(),
        name,
        owner_id: ownerId,
        join_code: newJoinCode(),
        rubric_id: rubricId,
        grade_weights: JSON.stringify(DEFAULT_GRADE_WEIGHTS),
        grade_solo: 0,
        created_at: now,
      };
      await db.insertInto('classes').values(row).execute();
      return row;
    },
    get: (id: string) =>
      withOwner().where('classes.id', '=', id).executeTakeFirst() as Promise<Joined | undefined>,
    listAll: () => withOwner().orderBy('classes.created_at').execute() as Promise<Joined[]>,
    listOwned: (ownerId: string) =>
      withOwner().where('classes.owner_id', '=', ownerId).orderBy('classes.created_at').execute() as Promise<
        Joined[]
      >,
    listForMember: (userId: string) =>
      withOwner()
        .where(
          'classes.id',
          'in',
          db.selectFrom('enrollments').select('class_id').where('user_id', '=', userId),
        )
        .orderBy('classes.created_at')
        .execute() as Promise<Joined[]>,
    findByJoinCode: (code: string) =>
      db.selectFrom('classes').selectAll().where('join_code', '=', code.toUpperCase()).executeTakeFirst(),
    async update(
      id: string,
      patch: Partial<
        Pick<ClassRow, 'name' | 'rubric_id' | 'grade_weights' | 'grade_solo' | 'join_code' | 'owner_id'>
      >,
    ) {
      await db.updateTable('classes').set(patch).where('id', '=', id).execute();
    },
    async addMember(
      classId: string,
      userId: string,
      role: 'student' | 'trainer',
      now: number,
    ): Promise<void> {
      // One statement, so two joins at once cannot both find no row and both insert.
      await db
        .insertInto('enrollments')
        .values({ class_id: classId, user_id: userId, role, joined_at: now })
        .onConflict((oc) => oc.columns(['class_id', 'user_id']).doNothing())
        .execute();
    },
    /** Removes a trainer or student from the class; false when they were not in it. */
    async removeMember(classId: string, userId: string): Promise<boolean> {
      const r = await db
        .deleteFrom('enrollments')
        .where('class_id', '=', classId)
        .where('user_id', '=', userId)
        .executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    },
    async members(classId: string): Promise<ClassMember[]> {
      const rows = await db
        .selectFrom('enrollments')
        .innerJoin('users', 'users.id', 'enrollments.user_id')
        .select([
          'users.id',
          'users.username',
          'users.display_name',
          'enrollments.role',
          'enrollments.joined_at',
        ])
        .where('enrollments.class_id', '=', classId)
        .orderBy('enrollments.joined_at')
        .execute();
      return rows.map((r) => ({
        userId: r.id,
        username: r.username,
        displayName: r.display_name,
        role: r.role,
        joinedAt: r.joined_at,
      }));
    },
    async memberRole(classId: string, userId: string): Promise<'student' | 'trainer' | undefined> {
      const r = await db
        .selectFrom('enrollments')
        .select('role')
        .where('class_id', '=', classId)
        .where('user_id', '=', userId)
        .executeTakeFirst();
      return r?.role;
    },
    /** Classes in which `userId` is enrolled as a student. */
    async classIdsOfStudent(userId: string): Promise<string[]> {
      const rows = await db
        .selectFrom('enrollments')
        .select('class_id')
        .where('user_id', '=', userId)
        .where('role', '=', 'student')
        .execute();
      return rows.map((r) => r.class_id);
    },
  };
}
export type ClassesRepository = ReturnType<typeof classesRepository>;
