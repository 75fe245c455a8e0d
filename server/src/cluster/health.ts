// Health and readiness for a reverse proxy or an orchestrator: /healthz says the process is alive (it answers
// at all); /readyz says it should get traffic — the database answers and the process is not draining
// (SIGTERM turns it to 503 before the sockets are handed over, see main.ts).

import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';

declare module 'fastify' {
  interface FastifyInstance {
    /** Set at SIGTERM: /readyz answers 503 so the proxy sends new clients elsewhere. */
    draining: boolean;
  }
}

const DATABASE_TIMEOUT_MS = 2000;

export default async function healthRoutes(app: FastifyInstance): Promise<void> {
  app.decorate('draining', false);

  app.get('/healthz', async () => ({ status: 'ok' }));

  app.get('/readyz', async (_request, reply) => {
    if (app.draining) return reply.status(503).send({ status: 'draining' });
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        sql`select 1`.execute(app.database.db),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error('database timeout')), DATABASE_TIMEOUT_MS);
        }),
      ]);
    } catch (err) {
      app.log.warn({ err }, 'readiness: database unavailable');
      return reply.status(503).send({ status: 'database-unavailable' });
    } finally {
      clearTimeout(timer);
    }
    return {
      status: 'ready',
      node: app.cluster.nodeId,
      database: app.database.dialect,
      conversations: app.live.size,
      /** The live processes each user's socket event budget is split among (1 on SQLite). */
      processes: app.userBudgets.processes,
    };
  });
}
