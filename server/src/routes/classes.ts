// Classes: the instructor's own, trainers assigned to them, students enrolled with a join code.
import { type ImportedStudent, ROLE_NAMES_ZH, routes } from '@kefu/shared';
import type { FastifyInstance } from 'fastify';
import { minutesUntil } from '../auth/guess-throttle.ts';
import { generatePassword } from '../auth/password.ts';
import { classesRepository, gradeWeightsOf, newJoinCode } from '../db/repositories/classes.ts';
import { toUserView, type UserRow, usersRepository } from '../db/repositories/users.ts';
import { fail } from '../errors.ts';
import { monitorRoom, userRoom } from '../realtime/io-types.ts';
import { readClassList } from '../roster/class-list.ts';
import { DEFAULT_RUBRIC } from '../scenarios/catalog.ts';
import { usernameTaken } from './auth.ts';
import { serve } from './serve.ts';

export default async function classRoutes(app: FastifyInstance): Promise<void> {
  /** The class if `user` may see it; the same not-found either way, so ids do not leak. */
  async function visibleClass(user: UserRow, id: string) {
    const cls = await app.classes.get(id);
    if (!cls || !(await app.access.canViewClass(user, id))) throw fail('class-not-found');
    return cls;
  }
  async function managedClass(user: UserRow, id: string) {
    const cls = await visibleClass(user, id);
    if (!app.access.canManageClass(user, cls)) throw fail('class-manage-forbidden');
    return cls;
  }
  /** The instructor an admin names for a class; only admins may name one. */
  async function instructorFor(user: UserRow, instructorId: string): Promise<UserRow> {
    if (user.role !== 'admin') throw fail('instructor-assign-forbidden');
    const instructor = await app.users.findById(instructorId);
    if (!instructor) throw fail('instructor-not-found');
    if (instructor.role !== 'instructor')
      throw fail('not-an-instructor', { role: ROLE_NAMES_ZH[instructor.role] });
    return instructor;
  }
  const showCode = (user: UserRow) => user.role !== 'student';
  async function view(user: UserRow, id: string) {
    const cls = await app.classes.get(id);
    if (!cls) throw fail('class-not-found');
    return app.classes.view(cls, showCode(user));
  }
  async function detail(id: string) {
    const cls = await app.classes.get(id);
    if (!cls) throw fail('class-not-found');
    return {
      class: app.classes.view(cls, true),
      members: await app.classes.members(id),
      rubric: app.catalog.rubric(cls.rubric_id),
    };
  }

  serve(app, routes.classes.list, async ({ user }) => {
    const rows =
      user.role === 'admin'
        ? await app.classes.listAll()
        : user.role === 'instructor'
          ? await app.classes.listOwned(user.id)
          : await app.classes.listForMember(user.id);
    return { classes: rows.map((r) => app.classes.view(r, showCode(user))) };
  });

  serve(app, routes.classes.create, async ({ user, body }) => {
    const ownerId =
      body.instructorId === undefined ? user.id : (await instructorFor(user, body.instructorId)).id;
    const row = await app.classes.create(body.name, ownerId, DEFAULT_RUBRIC, app.clock.now());
    return { class: await view(user, row.id) };
  });

  serve(app, routes.classes.join, async ({ user, body, request }) => {
    const guess = await app.guesses.begin(
      { account: `join:${user.id}`, address: request.ip },
      app.clock.now(),
    );
    if (guess.wait > 0) throw fail('join-code-locked', { minutes: minutesUntil(guess.wait) });
    const cls = await app.classes.findByJoinCode(body.joinCode);
    if (!cls) throw fail('join-code-unknown');
    await guess.succeeded();
    await app.classes.addMember(cls.id, user.id, 'student', app.clock.now());
    return { class: await view(user, cls.id) };
  });

  serve(app, routes.classes.get, async ({ user, params }) => {
    const cls = await visibleClass(user, params.id);
    // Students see their class, not its roster.
    const members = user.role === 'student' ? [] : await app.classes.members(params.id);
    return {
      class: app.classes.view(cls, showCode(user)),
      members,
      rubric: app.catalog.rubric(cls.rubric_id),
    };
  });

  serve(app, routes.classes.update, async ({ user, params: { id }, body }) => {
    const cls = await managedClass(user, id);
    if (body.rubricId !== undefined && !app.catalog.library.rubrics.has(body.rubricId)) {
      throw fail('rubric-not-found', { id: body.rubricId });
    }
    const patch: Parameters<typeof app.classes.update>[1] = {};
    if (body.instructorId !== undefined) patch.owner_id = (await instructorFor(user, body.instructorId)).id;
    if (body.name !== undefined) patch.name = body.name;
    if (body.rubricId !== undefined) patch.rubric_id = body.rubricId;
    if (body.gradeWeights !== undefined) {
      const w = { exam: gradeWeightsOf(cls).exam, ...body.gradeWeights };
      if (w.system + w.exam + w.teacher + w.mentor + w.self <= 0) throw fail('grade-weights-zero');
      patch.grade_weights = JSON.stringify(w);
    }
    if (body.gradeSolo !== undefined) patch.grade_solo = body.gradeSolo ? 1 : 0;
    if (Object.keys(patch).length > 0) await app.classes.update(id, patch);
    if (patch.owner_id !== undefined && patch.owner_id !== cls.owner_id) {
      // The previous owner's sockets already watching this class's drills stop getting their live updates.
      const drills = await app.drills.listForClass(id);
      app.io.in(userRoom(cls.owner_id)).socketsLeave(drills.map((d) => monitorRoom(d.id)));
    }
    return { class: await view(user, id) };
  });

  serve(app, routes.classes.renewJoinCode, async ({ user, params: { id } }) => {
    await managedClass(user, id);
    await app.classes.update(id, { join_code: newJoinCode() });
    return { class: await view(user, id) };
  });

  serve(app, routes.classes.addMember, async ({ user, params: { id }, body }) => {
    await managedClass(user, id);
    const member = await app.users.findById(body.userId);
    if (!member) throw fail('user-not-found');
    if (member.role !== body.role) {
      throw fail('member-role-mismatch', { role: ROLE_NAMES_ZH[member.role], as: ROLE_NAMES_ZH[body.role] });
    }
    // Enrolling shows the class's staff the student's practice: the student consents with the join code,
    // or an admin enrols them.
    if (member.role === 'student' && user.role !== 'admin') throw fail('student-add-forbidden');
    await app.classes.addMember(id, member.id, body.role, app.clock.now());
    return detail(id);
  });

  serve(app, routes.classes.trainerChoices, async ({ user, params: { id } }) => {
    await managedClass(user, id);
    const assigned = new Set(
      (await app.classes.members(id)).filter((m) => m.role === 'trainer').map((m) => m.userId),
    );
    const trainers = await app.users.namesOfRole('trainer');
    return {
      trainers: trainers.map((t) => ({
        id: t.id,
        username: t.username,
        displayName: t.display_name,
        assigned: assigned.has(t.id),
      })),
    };
  });

  serve(app, routes.classes.importStudents, async ({ user, params: { id }, body }) => {
    await managedClass(user, id);
    const { rows, problems } = readClassList(body.csv);
    // Existing accounts: a student is enrolled as they are; anyone else's username cannot be a student's.
    const existing = new Map<string, UserRow>();
    for (const row of rows) {
      const found = await app.users.findByUsername(row.studentNo);
      if (!found) continue;
      if (found.role !== 'student') {
        problems.push({
          line: row.line,
          problem: `学号 ${row.studentNo} 已是${ROLE_NAMES_ZH[found.role]}的用户名`,
        });
      } else existing.set(row.studentNo, found);
    }
    if (problems.length > 0) {
      problems.sort((a, b) => a.line - b.line);
      throw fail('class-list-invalid', {
        count: problems.length,
        lines: [...new Set(problems.map((p) => p.line))].join('、'),
        problems: problems.map((p) => `第 ${p.line} 行：${p.problem}`).join('；'),
      });
    }
    // Hash before the transaction, so the database is not held while the hashes run.
    const fresh = await Promise.all(
      rows
        .filter((row) => !existing.has(row.studentNo))
        .map(async (row) => {
          const password = generatePassword();
          return { row, password, hash: await app.passwords.hash(password, 'generated') };
        }),
    );
    const now = app.clock.now();
    const students = await app.database.db.transaction().execute(async (trx) => {
      const users = usersRepository(trx);
      const classes = classesRepository(trx);
      const created = new Map<string, ImportedStudent>();
      for (const { row, password, hash } of fresh) {
        const account = await users
          .create(
            {
              username: row.studentNo,
              displayName: row.name,
              role: 'student',
              passwordHash: hash,
              mustChangePassword: true,
            },
            now,
          )
          .catch(usernameTaken(row.studentNo));
        created.set(row.studentNo, { user: toUserView(account), password, existing: false, enrolled: true });
      }
      const out: ImportedStudent[] = [];
      for (const row of rows) {
        const known = existing.get(row.studentNo);
        // An existing account joins with the join code unless an admin imports the list (see addMember).
        const enrol =
          !known || user.role === 'admin' || (await classes.memberRole(id, known.id)) === 'student';
        const student = known
          ? { user: toUserView(known), password: null, existing: true, enrolled: enrol }
          : created.get(row.studentNo)!;
        if (enrol) await classes.addMember(id, student.user.id, 'student', now);
        out.push(student);
      }
      return out;
    });
    return { class: await view(user, id), students };
  });

  /** The class's students who may not log in now, with the minutes until each lock lifts by itself. */
  async function lockedStudents(id: string) {
    const students = (await app.classes.members(id)).filter((m) => m.role === 'student');
    const locked = await app.guesses.locked(
      students.map((s) => `login:${s.username}`),
      app.clock.now(),
    );
    return {
      students: students.flatMap((s) => {
        const wait = locked.get(`login:${s.username}`.toLowerCase());
        return wait === undefined
          ? []
          : [{ id: s.userId, username: s.username, displayName: s.displayName, minutes: minutesUntil(wait) }];
      }),
    };
  }

  serve(app, routes.classes.lockedStudents, async ({ user, params: { id } }) => {
    await managedClass(user, id);
    return lockedStudents(id);
  });

  // Someone guessing at a student's account locks the student out for the window (guess-throttle.ts). The
  // class's instructor (or an admin), who can tell the student in front of them from a guesser, lifts it; the
  // password stays as it is, and the action is kept in the audit log.
  serve(app, routes.classes.unlockStudent, async ({ user, params: { id, userId } }) => {
    await managedClass(user, id);
    if ((await app.classes.memberRole(id, userId)) !== 'student') throw fail('not-a-member');
    const student = await app.users.findById(userId);
    if (!student) throw fail('not-a-member');
    await app.guesses.clearAccount(`login:${student.username}`);
    await app.auditLog.record({
      at: app.clock.now(),
      actorId: user.id,
      action: 'login-unlocked',
      subjectId: student.id,
      classId: id,
    });
    return lockedStudents(id);
  });

  serve(app, routes.classes.removeMember, async ({ user, params: { id, userId } }) => {
    await managedClass(user, id);
    if (!(await app.classes.removeMember(id, userId))) throw fail('not-a-member');
    return detail(id);
  });
}
