// Class drills: the instructor creates one (scenario versions pinned), starts and stops it; students join.
import { CreateDrillBodySchema, type DrillResponse, type DrillsResponse } from '@kefu/shared';
import type { FastifyInstance } from 'fastify';
import { requireRole, requireUser, STAFF } from '../auth/guards.ts';
import { type DrillRow, toDrillView } from '../db/repositories/drills.ts';
import type { UserRow } from '../db/repositories/users.ts';
import { AppError, forbidden, notFound, parse } from '../errors.ts';

export default async function drillRoutes(app: FastifyInstance): Promise<void> {
  async function visibleDrill(user: UserRow, id: string): Promise<DrillRow> {
    const row = await app.drills.get(id);
    if (!row || !(await app.access.canViewClass(user, row.class_id))) throw notFound('这个演练');
    return row;
  }
  async function managedDrill(user: UserRow, id: string): Promise<DrillRow> {
    const row = await visibleDrill(user, id);
    const cls = await app.classes.get(row.class_id);
    if (!cls || !app.access.canManageClass(user, cls))
      throw forbidden('只有班级的讲师或管理员可以开始或结束演练');
    return row;
  }
  async function viewFor(user: UserRow, row: DrillRow) {
    if (user.role !== 'student') return toDrillView(row);
    return toDrillView(row, await app.drills.isParticipant(row.id, user.id));
  }

  app.get('/classes/:id/drills', async (request): Promise<DrillsResponse> => {
    const user = requireUser(request);
    const { id } = request.params as { id: string };
    if (!(await app.access.canViewClass(user, id))) throw notFound('这个班级');
    const rows = await app.drills.listForClass(id);
    return { drills: await Promise.all(rows.map((r) => viewFor(user, r))) };
  });

  app.post('/classes/:id/drills', async (request): Promise<DrillResponse> => {
    const user = requireRole(request, ...STAFF);
    const { id } = request.params as { id: string };
    const cls = await app.classes.get(id);
    if (!cls || !(await app.access.canViewClass(user, id))) throw notFound('这个班级');
    if (!app.access.canManageClass(user, cls)) throw forbidden('只有班级的讲师或管理员可以创建演练');
    const body = parse(CreateDrillBodySchema, request.body);
    const versions: Record<string, string> = {};
    for (const scenarioId of body.settings.scenarioIds) {
      const version = app.catalog.versionOf(scenarioId);
      if (version === undefined) {
        throw new AppError('bad-request', `没有场景“${scenarioId}”，请从场景列表中选择`);
      }
      versions[scenarioId] = version;
    }
    const row = await app.drills.create(
      { classId: id, title: body.title, settings: body.settings, versions },
      user.id,
      app.clock.now(),
    );
    return { drill: toDrillView(row) };
  });

  app.get('/drills/:id', async (request): Promise<DrillResponse> => {
    const user = requireUser(request);
    const { id } = request.params as { id: string };
    return { drill: await viewFor(user, await visibleDrill(user, id)) };
  });

  app.post('/drills/:id/start', async (request): Promise<DrillResponse> => {
    const user = requireRole(request, ...STAFF);
    const { id } = request.params as { id: string };
    const row = await managedDrill(user, id);
    if (row.status !== 'draft') {
      throw new AppError(
        'conflict',
        row.status === 'running' ? '演练已经开始了' : '演练已经结束，不能再次开始',
      );
    }
    await app.drillScheduler.start(row, app.clock.now());
    const fresh = await app.drills.get(id);
    return { drill: toDrillView(fresh ?? row) };
  });

  app.post('/drills/:id/stop', async (request): Promise<DrillResponse> => {
    const user = requireRole(request, ...STAFF);
    const { id } = request.params as { id: string };
    const row = await managedDrill(user, id);
    if (row.status !== 'running') {
      throw new AppError('conflict', row.status === 'draft' ? '演练还没有开始' : '演练已经结束了');
    }
    await app.drillScheduler.stop(id, app.clock.now());
    const fresh = await app.drills.get(id);
    return { drill: toDrillView(fresh ?? row) };
  });

  app.post('/drills/:id/join', async (request): Promise<DrillResponse> => {
    const user = requireRole(request, 'student');
    const { id } = request.params as { id: string };
    const row = await visibleDrill(user, id);
    if (row.status === 'finished') throw new AppError('ended', '这个演练已经结束了');
    await app.drillScheduler.join(id, user.id, user.display_name, app.clock.now());
    return { drill: toDrillView(row, true) };
  });
}
