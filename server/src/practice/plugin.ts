// Live practice: the conversations of this process, class drills and their monitor, wired to Socket.IO.
// At start every open conversation is rebuilt from the log (timers re-armed, overdue wake-ups caught up at
// their own due times) and running drills resume; at close timers stop and the log stays the truth.
// With several processes (cluster/): a conversation moves to the process its student's socket reaches,
// orphans of a dead process are adopted on the heartbeat, drill news and drill events go to every process
// (each keeps the monitor of every running drill), and shutdown hands everything over.
import {
  benchmarksOf,
  type ConversationView,
  type DrillView,
  type EventEnvelope,
  scoringSetup,
} from '@kefu/shared';
import fp from 'fastify-plugin';
import { assertRole } from '../auth/guards.ts';
import type { StoredEvent } from '../db/event-log.ts';
import { countedDrillView, type DrillRow } from '../db/repositories/drills.ts';
import type { ConversationsTable } from '../db/schema.ts';
import { fail } from '../errors.ts';
import { monitorRoom, userRoom } from '../realtime/io-types.ts';
import { type DrillConversationRef, DrillMonitor } from './drill-monitor.ts';
import { type DrillMessage, DrillScheduler } from './drill-scheduler.ts';
import { LiveConversations, type TakenConversation } from './live-conversations.ts';
import { SoloLimit } from './solo-limit.ts';
import { envelopesFrom } from './views.ts';

declare module 'fastify' {
  interface FastifyInstance {
    live: LiveConversations;
    drillScheduler: DrillScheduler;
    drillMonitor: DrillMonitor;
    /** Tells the class (students, trainers, owner) that a drill changed state. */
    announceDrill(row: DrillRow): Promise<void>;
    /** The cap on one person's solo practice running at once, counted and opened one request at a time. */
    soloLimit: SoloLimit;
  }
}

/** What one committed step tells the student's sockets and, for a drill, the monitors and the schedule. */
interface CommittedStep {
  studentId: string;
  /** The conversation's view when this step opened it. */
  opened: ConversationView | null;
  envelopes: EventEnvelope[];
  drill: { ref: DrillConversationRef; stored: StoredEvent[] } | null;
}

/** A drill's new state, for the sockets of its class. */
interface DrillNews {
  rooms: string[];
  drill: DrillView;
}

/** Messages between processes (over the Socket.IO adapter). */
const TAKEN = 'kefu:taken';
const RELEASED = 'kefu:released';
const DRILL = 'kefu:drill';
const COMMITTED = 'kefu:committed';
const DRILL_NEWS = 'kefu:drill-news';
const STUDIO_SAVED = 'kefu:studio-saved';
/** How long a process waits for the others to act on drill news before answering its request. */
const PEER_WAIT_MS = 3000;

export default fp(
  async (app) => {
    const { io, clock, cluster } = app;

    /** When a conversation restored now should have ended: its drill finished, or ran out, meanwhile. */
    const stopAt = async (row: ConversationsTable): Promise<number | null> => {
      if (!row.drill_id) return null;
      const drill = await app.drills.get(row.drill_id);
      if (!drill) return null;
      if (drill.status === 'finished') return drill.ended_at ?? drill.ends_at;
      if (drill.ends_at !== null && drill.ends_at <= clock.now()) return drill.ends_at;
      return null;
    };
    const live = new LiveConversations({
      log: app.eventLog,
      clock,
      catalog: app.catalog,
      rows: app.conversations,
      logger: app.log,
      ownership: cluster.ownership,
      stopAt,
      announceTaken: (taken) => {
        cluster.broadcast(TAKEN, { taken }).catch(() => {});
      },
    });
    // Every process folds every running drill and serves the monitors connected to it.
    const monitor = new DrillMonitor({
      emit: (drillId, student) => {
        io.local
          .to(monitorRoom(drillId))
          .emit('monitor:update', { drillId, student, serverTime: clock.now() });
      },
      read: (conversationId, afterSeq) => app.eventLog.read(conversationId, afterSeq),
      setup: async (ref) =>
        scoringSetup(await app.catalog.context(ref.scenarioId, ref.scenarioVersion, ref.rubricId)),
      clock,
      failed: (err) => app.log.error({ err }, 'monitor could not read the log'),
    });

    const announceDrill = async (row: DrillRow) => {
      const cls = await app.classes.get(row.class_id);
      if (!cls) return;
      const members = await app.classes.members(row.class_id);
      const news: DrillNews = {
        rooms: [cls.owner_id, ...members.map((m) => m.userId)].map(userRoom),
        drill: await countedDrillView(app.drills, row),
      };
      io.local.to(news.rooms).emit('drill:status', { drill: news.drill });
      await cluster.broadcast(DRILL_NEWS, news);
    };
    const scheduler = new DrillScheduler({
      drills: app.drills,
      conversations: app.conversations,
      live,
      monitor,
      catalog: app.catalog,
      ownership: cluster.ownership,
      tellPeers: (message: DrillMessage) => cluster.broadcast(DRILL, message, PEER_WAIT_MS),
      rubricOf: async (classId) => (await app.classes.get(classId))?.rubric_id ?? 'default',
      studentsOf: async (classId) =>
        (await app.classes.members(classId))
          .filter((m) => m.role === 'student')
          .map((m) => ({ id: m.userId, displayName: m.displayName })),
      announce: (row) =>
        announceDrill(row).catch((err) => app.log.error({ err }, 'drill announcement failed')),
      clock,
      logger: app.log,
    });

    /** A drill conversation's committed events, wherever they were committed. */
    const drillEvents = (ref: DrillConversationRef, stored: StoredEvent[]) => {
      monitor.published(ref, stored);
      scheduler.published(ref, stored);
    };
    /**
     * One step's news for the sockets of this process: envelopes in seq order, after the ack; `except`, the
     * socket whose input the step stored, gets them in its ack instead.
     */
    const deliver = (step: CommittedStep, except?: string) => {
      const to = io.local.to(userRoom(step.studentId));
      const room = except === undefined ? to : to.except(except);
      if (step.opened) room.emit('conversation:opened', { conversation: step.opened });
      for (const envelope of step.envelopes) room.emit('conversation:event', envelope);
      if (step.drill) drillEvents(step.drill.ref, step.drill.stored);
    };

    let outbox: CommittedStep[] = [];
    const sendOutbox = () => {
      const steps = outbox;
      outbox = [];
      cluster.broadcast(COMMITTED, { steps }).catch(() => {});
    };

    // Committed events go to the student's sockets (all their tabs), in seq order, with the prevSeq chain;
    // a drill's also to the monitors and to the process running its schedule. This process's sockets get
    // them at once, in order — the socket that sent the step's input gets them in its ack, written right
    // here, so it too has them in seq order; the other processes get each step as one message
    // (the adapter's own room broadcast would publish before delivering locally, letting the ack overtake).
    live.listen({
      published(runtime, stored, prevPublicSeq, taken) {
        const drillId = runtime.row.drill_id;
        const step: CommittedStep = {
          studentId: runtime.studentId,
          // Seq 1 is only ever committed by the step that opens the conversation.
          opened: stored[0]?.seq === 1 ? live.view(runtime) : null,
          envelopes: envelopesFrom(runtime.id, stored, prevPublicSeq),
          drill:
            drillId === null
              ? null
              : {
                  ref: {
                    id: runtime.id,
                    studentId: runtime.studentId,
                    drillId,
                    scenarioId: runtime.row.scenario_id,
                    scenarioVersion: runtime.row.scenario_version,
                    rubricId: runtime.row.rubric_id,
                    buyerName: runtime.ctx.scenario.persona.name,
                  },
                  stored,
                },
        };
        // The sender's ack first: it is left out of the broadcast, so nothing of this conversation can reach
        // it out of order, and the room's encoding and writes no longer sit between the step and its ack.
        taken?.sender.acknowledge({ ...taken.result, events: step.envelopes });
        deliver(step, taken?.sender.socketId);
        if (!cluster.shared) return;
        // The steps of one turn of the event loop go to the other processes as one message (one NOTIFY).
        if (outbox.length === 0) setImmediate(sendOutbox);
        outbox.push(step);
      },
    });

    cluster.on(COMMITTED, (payload: { steps: CommittedStep[] }) => {
      for (const step of payload.steps) deliver(step);
    });
    cluster.on(DRILL_NEWS, (news: DrillNews) => {
      io.local.to(news.rooms).emit('drill:status', { drill: news.drill });
    });
    cluster.on(TAKEN, (payload: { taken: TakenConversation[] }) => live.release(payload.taken));
    cluster.on(RELEASED, async () => {
      await live.adoptOrphans();
      await scheduler.adoptOrphans();
    });
    cluster.on(DRILL, (message: DrillMessage) => scheduler.received(message));
    // A scenario or rubric saved in the studio of one process is played by all of them from then on.
    app.catalog.onSaved(() => cluster.broadcast(STUDIO_SAVED, {}, PEER_WAIT_MS));
    cluster.on(STUDIO_SAVED, () => app.catalog.restoreStudioSaves());

    app.decorate('live', live);
    app.decorate('drillScheduler', scheduler);
    app.decorate('drillMonitor', monitor);
    app.decorate('announceDrill', announceDrill);
    app.decorate(
      'soloLimit',
      new SoloLimit(
        async (userId) =>
          (await app.conversations.listForStudent(userId, 'open')).reduce(
            (n, c) => n + (c.drill_id === null ? 1 : 0),
            0,
          ),
        app.mutexes,
      ),
    );

    io.on('connection', (socket) => {
      const user = socket.data.user;
      // The student's buyers move to the process their socket reached (the old owner stops, this one replays).
      if (user.role === 'student') {
        live
          .claimStudent(user.id)
          .catch((err: unknown) => app.log.error({ err }, 'could not take over conversations'));
      }
    });

    app.socketEvents.handle({
      'conversation:send': async ({ conversationId, message }, { user, socket, acknowledge }) => {
        if (message.text.trim() === '') throw fail('empty-message');
        const { library } = app.catalog;
        // Cards name what the shop has: a recommended product of the catalogue, a picture of its images/.
        if (message.product !== undefined && !library.products.has(message.product))
          throw fail('product-unknown');
        if (message.image !== undefined && library.assets !== null && !library.assets.has(message.image))
          throw fail('image-unknown');
        // Stored: acknowledged by the step's publish, with its events; a duplicate, here, without.
        const sent = await live.send(conversationId, user.id, message, { socketId: socket.id, acknowledge });
        return { ...sent, events: [] };
      },
      'conversation:order': async ({ conversationId, update }, { user, socket, acknowledge }) => ({
        ...(await live.updateOrder(conversationId, user.id, update, { socketId: socket.id, acknowledge })),
        events: [],
      }),
      'conversation:resync': async ({ conversationId, afterSeq }, { user }) => {
        const row = await app.conversations.get(conversationId);
        if (!row || row.student_id !== user.id) throw fail('conversation-not-found');
        const { conversation, events } = await live.resync(row, afterSeq);
        return { conversation, events, serverTime: clock.now() };
      },
      'monitor:watch': async ({ drillId }, { user, socket }) => {
        assertRole(user, ['admin', 'instructor']);
        const row = await app.drills.get(drillId);
        const cls = row && (await app.classes.get(row.class_id));
        // Another instructor's drill is as unknown as a missing one: ids do not leak.
        if (!row || !cls || !app.access.canManageClass(user, cls)) throw fail('drill-not-found');
        await socket.join(monitorRoom(drillId));
        return {
          drill: await countedDrillView(app.drills, row),
          benchmarks: benchmarksOf(app.catalog.rubric(cls.rubric_id).thresholds),
          students: monitor.snapshot(drillId),
          serverTime: clock.now(),
        };
      },
      'monitor:unwatch': async ({ drillId }, { socket }) => {
        await socket.leave(monitorRoom(drillId));
        return {};
      },
    });

    // Drills whose time ran out while the server was down stop their buyers at the drill's end (stopAt).
    const restored = await live.restoreAll();
    await scheduler.boot();
    if (restored > 0) app.log.info(`restored ${restored} open conversations from the event log`);
    cluster.everyHeartbeat(async () => {
      await live.adoptOrphans();
      await scheduler.adoptOrphans();
      scheduler.recheck();
    });

    app.addHook('onClose', async () => {
      await scheduler.dispose();
      await live.disposeAll();
      // Let go, not left to expire: the other processes adopt at once.
      await cluster.broadcast(RELEASED, {});
    });
  },
  { name: 'practice', dependencies: ['database', 'scenarios', 'io', 'auth', 'cluster'] },
);
