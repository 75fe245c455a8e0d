// Class drills: the instructor creates one (scenario versions pinned), starts and stops it; students join.
import { routes } from '@kefu/shared';
import type { FastifyInstance } from 'fastify';
import { countedDrillView, type DrillRow, toDrillView } from '../db/repositories/drills.ts';
import type { UserRow } from '../db/repositories/users.ts';
import { fail } from '../errors.ts';
import { serve } from './serve.ts';

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
  async function viewFor(user: UserRow, row: DrillRow) {
    if (user.role !== 'student') return countedDrillView(app.drills, row);
    return countedDrillView(app.drills, row, await app.drills.isParticipant(row.id, user.id));
  }

  serve(app, routes.drills.list, async ({ user, params: { id } }) => {
    if (!(await app.access.canViewClass(user, id))) throw fail('class-not-found');
    const rows = await app.drills.listForClass(id);
    return { drills: await Promise.all(rows.map((r) => viewFor(user, r))) };
  });

  serve(app, routes.drills.create, async ({ user, params: { id }, body }) => {
    const cls = await app.classes.get(id);
    if (!cls || !(await app.access.canViewClass(user, id))) throw fail('class-not-found');
    if (!app.access.canManageClass(user, cls)) throw fail('drill-create-forbidden');
    const needed = body.settings.startWhenJoined;
    if (needed !== undefined) {
      const count = (await app.classes.members(id)).filter((m) => m.role === 'student').length;
      if (needed > count) throw fail('drill-start-count-too-large', { needed, count });
    }
    const versions: Record<string, string> = {};
    for (const scenarioId of body.settings.scenarioIds) {
      const version = app.catalog.versionOf(scenarioId);
      if (version === undefined) throw fail('unknown-scenario', { id: scenarioId });
      versions[scenarioId] = version;
    }
    const row = await app.drills.create(
      { classId: id, title: body.title, settings: body.settings, versions },
      user.id,
      app.clock.now(),
    );
    return { drill: await countedDrillView(app.drills, row) };
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
    if (row.status === 'finished') throw fail('drill-finished');
    await app.drillScheduler.join(id, user.id, user.display_name, app.clock.now());
    // Fresh: this join may have started the drill (start when N joined).
    return { drill: await countedDrillView(app.drills, (await app.drills.get(id)) ?? row, true) };
  });
}
