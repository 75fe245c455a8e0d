// Class drills: the instructor creates one (scenario versions pinned), starts and stops it; students join.
// Exams are drills with exam rules: created with a window, opened and closed by the clock, joined once.
import { MAX_EXAM_MINUTES, routes } from '@kefu/shared';
import type { FastifyInstance } from 'fastify';
import { countedDrillView, type DrillRow, toDrillView } from '../db/repositories/drills.ts';
import type { UserRow } from '../db/repositories/users.ts';
import { fail } from '../errors.ts';
import { studentDrillView } from '../practice/exam-secrecy.ts';
import { serve } from './serve.ts';

/** How far in the past an exam's opening may be when it is created (it then opens at once). */
const EXAM_OPENING_GRACE_MS = 5 * 60_000;

export default async function drillRoutes(app: FastifyInstance): Promise<void> {
  async function visibleDrill(user: UserRow, id: string): Promise<DrillRow> {
    const row = await app.drills.get(id);
    if (!row || !(await app.access.canViewClass(user, row.class_id))) throw fail('drill-not-found');
    return row;
  }
  async function managedDrill(user: UserRow, id: string): Promise<DrillRow> {
    const row = await visibleDrill(user, id);
    const cls = await app.classes.get(row.class_id);
    if (!cls || !app.access.canManageClass(user, cls)) throw fail('drill-run-forbidden');
    return row;
  }
  async function creatableIn(user: UserRow, classId: string) {
    const cls = await app.classes.get(classId);
    if (!cls || !(await app.access.canViewClass(user, classId))) throw fail('class-not-found');
    if (!app.access.canManageClass(user, cls)) throw fail('drill-create-forbidden');
    return cls;
  }
  /**
   * The library's current version of each scenario, pinned for the drill's life. Drafts are not offered; a
   * scenario published to one class only in that class's drills and exams.
   */
  function pinVersions(classId: string, scenarioIds: readonly string[]): Record<string, string> {
    const versions: Record<string, string> = {};
    for (const scenarioId of scenarioIds) {
      const version = app.catalog.versionOf(scenarioId);
      if (version === undefined || !app.catalog.playableIn(scenarioId, [classId])) {
        throw fail('unknown-scenario', { id: scenarioId });
      }
      versions[scenarioId] = version;
    }
    return versions;
  }
  /** One attempt, inside the window; an exam whose opening is due but not done yet opens now. */
  async function mayStartExam(user: UserRow, row: DrillRow): Promise<void> {
    if (await app.drills.isParticipant(row.id, user.id)) throw fail('exam-attempt-used');
    if (row.status === 'finished' || (row.closes_at ?? 0) <= app.clock.now()) throw fail('exam-closed');
    if (row.status === 'draft' && !(await app.drillScheduler.openExam(row.id))) throw fail('exam-not-open');
  }
  async function viewFor(user: UserRow, row: DrillRow) {
    if (user.role !== 'student') return countedDrillView(app.drills, row);
    // An exam not open yet does not name its scenarios to students.
    return studentDrillView(
      await countedDrillView(app.drills, row, await app.drills.isParticipant(row.id, user.id)),
    );
  }

  serve(app, routes.drills.list, async ({ user, params: { id } }) => {
    if (!(await app.access.canViewClass(user, id))) throw fail('class-not-found');
    const rows = await app.drills.listForClass(id);
    return { drills: await Promise.all(rows.map((r) => viewFor(user, r))) };
  });

  serve(app, routes.drills.create, async ({ user, params: { id }, body }) => {
    await creatableIn(user, id);
    const needed = body.settings.startWhenJoined;
    if (needed !== undefined) {
      const count = (await app.classes.members(id)).filter((m) => m.role === 'student').length;
      if (needed > count) throw fail('drill-start-count-too-large', { needed, count });
    }
    const versions = pinVersions(id, body.settings.scenarioIds);
    const row = await app.drills.create(
      { classId: id, title: body.title, settings: body.settings, versions },
      user.id,
      app.clock.now(),
    );
    return { drill: await countedDrillView(app.drills, row) };
  });

  serve(app, routes.exams.create, async ({ user, params: { id }, body }) => {
    await creatableIn(user, id);
    const now = app.clock.now();
    if (body.closesAt <= body.opensAt) throw fail('exam-window-order');
    // A form's "now" is a minute or so behind: an opening that just passed opens at once.
    if (body.closesAt <= now || body.opensAt < now - EXAM_OPENING_GRACE_MS) throw fail('exam-window-past');
    const opensAt = Math.max(body.opensAt, now);
    const minutes = (body.closesAt - opensAt) / 60_000;
    if (minutes > MAX_EXAM_MINUTES) throw fail('exam-window-too-long', { minutes: MAX_EXAM_MINUTES });
    if (minutes < 1) throw fail('exam-window-order');
    const versions = pinVersions(id, body.settings.scenarioIds);
    const row = await app.drills.create(
      {
        classId: id,
        title: body.title,
        settings: { ...body.settings, durationMinutes: minutes },
        versions,
        window: { opensAt, closesAt: body.closesAt },
        graded: body.graded,
      },
      user.id,
      now,
    );
    app.drillScheduler.planExam(row);
    return { drill: toDrillView(row) };
  });

  serve(app, routes.drills.update, async ({ user, params: { id }, body }) => {
    await managedDrill(user, id);
    await app.drills.setGraded(id, body.graded);
    const fresh = await app.drills.get(id);
    if (!fresh) throw fail('drill-not-found');
    return { drill: toDrillView(fresh) };
  });

  serve(app, routes.drills.get, async ({ user, params: { id } }) => ({
    drill: await viewFor(user, await visibleDrill(user, id)),
  }));

  // Every student of the class, joined or not, with this drill's conversations scored the one way (grading).
  serve(app, routes.drills.results, async ({ user, params: { id } }) => {
    const row = await visibleDrill(user, id);
    const [members, participants, conversations] = await Promise.all([
      app.classes.members(row.class_id),
      app.drills.participants(id),
      app.conversations.listForDrill(id),
    ]);
    const joined = new Set(participants.map((p) => p.student_id));
    const rows = [];
    for (const m of members.filter((m) => m.role === 'student')) {
      const own = conversations
        .filter((c) => c.student_id === m.userId)
        .sort((a, b) => a.started_at - b.started_at);
      const { scores, summary } = await app.grading.scores(own);
      rows.push({
        student: { id: m.userId, username: m.username, displayName: m.displayName },
        joined: joined.has(m.userId),
        conversations: scores,
        summary,
      });
    }
    return { drill: toDrillView(row), rows };
  });

  serve(app, routes.drills.start, async ({ user, params: { id } }) => {
    const row = await managedDrill(user, id);
    if (row.kind === 'exam') throw fail('exam-starts-itself');
    if (row.status !== 'draft') {
      throw fail(row.status === 'running' ? 'drill-already-started' : 'drill-finished');
    }
    if (!(await app.drillScheduler.start(row, app.clock.now()))) throw fail('drill-already-started');
    const fresh = await app.drills.get(id);
    return { drill: toDrillView(fresh ?? row) };
  });

  serve(app, routes.drills.stop, async ({ user, params: { id } }) => {
    const row = await managedDrill(user, id);
    if (row.status !== 'running') throw fail(row.status === 'draft' ? 'drill-not-started' : 'drill-finished');
    await app.drillScheduler.stop(id, app.clock.now());
    const fresh = await app.drills.get(id);
    return { drill: toDrillView(fresh ?? row) };
  });

  serve(app, routes.drills.join, async ({ user, params: { id } }) => {
    const row = await visibleDrill(user, id);
    if (row.kind === 'exam') await mayStartExam(user, row);
    else if (row.status === 'finished') throw fail('drill-finished');
    const exam = row.kind === 'exam';
    if (!(await app.drillScheduler.join(id, user.id, user.display_name, app.clock.now(), exam))) {
      throw fail('exam-attempt-used');
    }
    // Fresh: this join may have started the drill (start when N joined).
    return { drill: await countedDrillView(app.drills, (await app.drills.get(id)) ?? row, true) };
  });
}
