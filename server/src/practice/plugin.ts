// Live practice: the conversations of this process, class drills and their monitor, wired to Socket.IO.
// At start every open conversation is rebuilt from the log (timers re-armed, overdue wake-ups caught up at
// their own due times) and running drills resume; at close timers stop and the log stays the truth.
import {
  CLIENT_EVENTS,
  type DrillView,
  MonitorWatchPayloadSchema,
  ResyncPayloadSchema,
  SERVER_EVENTS,
  SendPayloadSchema,
} from '@kefu/shared';
import fp from 'fastify-plugin';
import { assertRole } from '../auth/guards.ts';
import { type DrillRow, toDrillView } from '../db/repositories/drills.ts';
import { AppError, notFound } from '../errors.ts';
import { monitorRoom, userRoom } from '../realtime/io-types.ts';
import { handle } from '../realtime/socket-handler.ts';
import { DrillMonitor } from './drill-monitor.ts';
import { DrillScheduler } from './drill-scheduler.ts';
import { LiveConversations } from './live-conversations.ts';
import { envelopesFrom } from './views.ts';

declare module 'fastify' {
  interface FastifyInstance {
    live: LiveConversations;
    drillScheduler: DrillScheduler;
    drillMonitor: DrillMonitor;
    /** Tells the class (students, trainers, owner) that a drill changed state. */
    announceDrill(row: DrillRow): Promise<void>;
  }
}

export default fp(
  async (app) => {
    const { io, clock } = app;
    const live = new LiveConversations({
      log: app.eventLog,
      clock,
      catalog: app.catalog,
      rows: app.conversations,
      logger: app.log,
    });
    const monitor = new DrillMonitor((drillId, student) => {
      io.to(monitorRoom(drillId)).emit(SERVER_EVENTS.monitor, { drillId, student, serverTime: clock.now() });
    });

    const announceDrill = async (row: DrillRow) => {
      const cls = await app.classes.get(row.class_id);
      if (!cls) return;
      const members = await app.classes.members(row.class_id);
      const drill: DrillView = toDrillView(row);
      const rooms = [cls.owner_id, ...members.map((m) => m.userId)].map(userRoom);
      io.to(rooms).emit(SERVER_EVENTS.drill, { drill });
    };
    const scheduler = new DrillScheduler({
      drills: app.drills,
      conversations: app.conversations,
      live,
      monitor,
      rubricOf: async (classId) => (await app.classes.get(classId))?.rubric_id ?? 'default',
      announce: (row) => {
        announceDrill(row).catch((err) => app.log.error({ err }, 'drill announcement failed'));
      },
      clock,
      logger: app.log,
    });

    // Committed events go to the student's sockets (all their tabs), in seq order, with the prevSeq chain.
    live.listen({
      opened(runtime) {
        io.to(userRoom(runtime.studentId)).emit(SERVER_EVENTS.opened, { conversation: live.view(runtime) });
      },
      published(runtime, stored, prevPublicSeq) {
        const room = io.to(userRoom(runtime.studentId));
        for (const envelope of envelopesFrom(runtime.id, stored, prevPublicSeq)) {
          room.emit(SERVER_EVENTS.event, envelope);
        }
      },
    });
    live.listen(monitor);
    live.listen(scheduler);

    app.decorate('live', live);
    app.decorate('drillScheduler', scheduler);
    app.decorate('drillMonitor', monitor);
    app.decorate('announceDrill', announceDrill);

    io.on('connection', (socket) => {
      const user = socket.data.user;
      handle(socket, CLIENT_EVENTS.send, SendPayloadSchema, app.log, async ({ conversationId, message }) => {
        if (message.text.trim() === '') throw new AppError('bad-request', '消息不能为空');
        return live.send(conversationId, user.id, message);
      });
      handle(
        socket,
        CLIENT_EVENTS.resync,
        ResyncPayloadSchema,
        app.log,
        async ({ conversationId, afterSeq }) => {
          const row = await app.conversations.get(conversationId);
          if (!row || row.student_id !== user.id) throw notFound('这个对话');
          const { conversation, events } = await live.resync(row, afterSeq);
          return { conversation, events, serverTime: clock.now() };
        },
      );
      handle(socket, CLIENT_EVENTS.monitorWatch, MonitorWatchPayloadSchema, app.log, async ({ drillId }) => {
        assertRole(user, ['admin', 'instructor']);
        const row = await app.drills.get(drillId);
        const cls = row && (await app.classes.get(row.class_id));
        // Another instructor's drill is as unknown as a missing one: ids do not leak.
        if (!row || !cls || !app.access.canManageClass(user, cls)) throw notFound('这个演练');
        await socket.join(monitorRoom(drillId));
        return { drill: toDrillView(row), students: monitor.snapshot(drillId), serverTime: clock.now() };
      });
      handle(
        socket,
        CLIENT_EVENTS.monitorUnwatch,
        MonitorWatchPayloadSchema,
        app.log,
        async ({ drillId }) => {
          await socket.leave(monitorRoom(drillId));
          return {};
        },
      );
    });

    // Drills whose time ran out while the server was down stop their buyers at the drill's end.
    const overdue = new Map<string, number>();
    for (const row of await app.drills.listRunning()) {
      if (row.ends_at !== null && row.ends_at <= clock.now()) overdue.set(row.id, row.ends_at);
    }
    const restored = await live.restoreAll((row) =>
      row.drill_id ? (overdue.get(row.drill_id) ?? null) : null,
    );
    await scheduler.boot(clock.now());
    if (restored > 0) app.log.info(`restored ${restored} open conversations from the event log`);

    app.addHook('onClose', async () => {
      scheduler.dispose();
      await live.disposeAll();
    });
  },
  { name: 'practice', dependencies: ['database', 'scenarios', 'io', 'auth'] },
);
