// Several server processes on one PostgreSQL database. Socket.IO's PostgreSQL adapter (LISTEN/NOTIFY, no
// extra service) carries every room emit to the sockets of every process and lets processes message each
// other; leases (leases.ts) give each live conversation and running drill one owner, renewed by a heartbeat.
// On SQLite there is one process: the in-memory adapter, and this process owns everything.
import { createAdapter } from '@socket.io/postgres-adapter';
import fp from 'fastify-plugin';
import pg from 'pg';
import { createHeartbeat } from './heartbeat.ts';
import { databaseLeases, type Ownership, soleOwnership } from './leases.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** How long a lease lasts without its owner's heartbeat (the heartbeat runs three times as often). */
export const DEFAULT_LEASE_MS = 10_000;

export interface Cluster {
  /** This process's id. */
  readonly nodeId: string;
  /** True with PostgreSQL: other processes may be running. */
  readonly shared: boolean;
  readonly ownership: Ownership;
  readonly leaseMs: number;
  /** Sends to every other process; with `waitMs`, resolves once all answered (or the time ran out). */
  broadcast(event: string, payload: object, waitMs?: number): Promise<void>;
  /** Handles what another process broadcast (the answer is sent once `handler` settles). */
  on(event: string, handler: (payload: never) => void | Promise<void>): void;
  /** Runs `task` on every heartbeat (after the leases were renewed), one run at a time. */
  everyHeartbeat(task: () => Promise<void>): void;
}

declare module 'fastify' {
  interface FastifyInstance {
    cluster: Cluster;
  }
}

export default fp(
  async (app, opts: { databaseUrl: string | null; leaseMs?: number }) => {
    const leaseMs = opts.leaseMs ?? DEFAULT_LEASE_MS;
    const shared = app.database.dialect === 'postgres' && opts.databaseUrl !== null;
    const ownership = shared ? databaseLeases(app.database.db, { ttlMs: leaseMs }) : soleOwnership();
    const io = app.io;
    // The adapter's own small pool: its LISTEN connection stays checked out for the life of the process.
    const pool = shared ? new pg.Pool({ connectionString: opts.databaseUrl ?? undefined, max: 3 }) : null;
    if (pool) {
      pool.on('error', (err) => app.log.warn({ err }, 'socket.io postgres adapter pool'));
      io.adapter(
        createAdapter(pool, {
          // Peers are seen as gone after two missed heartbeats (acks stop waiting for them).
          heartbeatInterval: Math.max(500, Math.floor(leaseMs / 3)),
          heartbeatTimeout: leaseMs,
          errorHandler: (err) => app.log.warn({ err }, 'socket.io postgres adapter'),
        }),
      );
    }
    // Inter-process events are not typed by the browser protocol: a loose view of the same server.
    const bus = io as unknown as {
      serverSideEmit(event: string, ...args: unknown[]): boolean;
      on(event: string, listener: (...args: unknown[]) => void): void;
    };

    const tasks: Array<() => Promise<void>> = [];
    let timer: NodeJS.Timeout | null = null;
    const heartbeat = createHeartbeat(
      () => ownership.renew(),
      tasks,
      (err, during) => app.log.error({ err, during }, 'cluster heartbeat failed'),
    );

    const cluster: Cluster = {
      nodeId: ownership.nodeId,
      shared: ownership.shared,
      ownership,
      leaseMs,
      broadcast(event, payload, waitMs) {
        if (!pool) return Promise.resolve();
        if (waitMs === undefined) {
          bus.serverSideEmit(event, payload);
          return Promise.resolve();
        }
        return new Promise<void>((resolve) => {
          const fallback = setTimeout(resolve, waitMs);
          bus.serverSideEmit(event, payload, () => {
            clearTimeout(fallback);
            resolve();
          });
        });
      },
      on(event, handler) {
        if (!pool) return;
        bus.on(event, (payload: unknown, ack?: unknown) => {
          Promise.resolve()
            .then(() => handler(payload as never))
            .catch((err: unknown) => app.log.error({ err, event }, 'cluster message failed'))
            .finally(() => {
              if (typeof ack === 'function') ack('ok');
            });
        });
      },
      everyHeartbeat(task) {
        tasks.push(task);
      },
    };
    app.decorate('cluster', cluster);
    if (pool) {
      // Each user's socket event budget is split among the live processes (realtime/socket-rate-limit.ts);
      // the adapter's own heartbeat tells how many there are.
      cluster.everyHeartbeat(async () =>
        app.userBudgets.setProcesses(await io.of('/').adapter.serverCount()),
      );
    }

    if (pool) {
      app.addHook('onReady', async () => {
        timer = setInterval(heartbeat.beat, Math.max(200, Math.floor(leaseMs / 3)));
        timer.unref();
      });
      app.addHook('onClose', async () => {
        if (timer) clearInterval(timer);
        await heartbeat.idle();
        const adapter = io.of('/').adapter as unknown as { close(): void };
        adapter.close();
        // The LISTEN connection may still be on its way (the adapter connects in the background): release it
        // when it arrives, so the pool can end.
        for (let i = 0; i < 60 && pool.totalCount > pool.idleCount; i++) {
          await sleep(50);
          adapter.close();
        }
        await Promise.race([pool.end(), sleep(2000)]);
      });
    }
  },
  { name: 'cluster', dependencies: ['database', 'io'] },
);
