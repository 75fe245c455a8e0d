// The HTTP API of shared/src/protocol.ts: one plugin per group of the route table. Start-up fails when a
// route of the table has no handler, so the table and the server cannot drift apart.
import { routes as table } from '@kefu/shared';
import type { FastifyInstance } from 'fastify';
import appealRoutes from './appeals.ts';
import authRoutes from './auth.ts';
import classRoutes from './classes.ts';
import courseRoutes from './course.ts';
import drillRoutes from './drills.ts';
import evaluationRoutes from './evaluations.ts';
import gradeRoutes from './grades.ts';
import leaderboardRoutes from './leaderboard.ts';
import practiceRoutes from './practice.ts';
import reportRoutes from './reports.ts';
import scenarioRoutes from './scenarios.ts';
import { allRoutes, useZodSchemas } from './serve.ts';
import studioRoutes from './studio.ts';
import userRoutes from './users.ts';

export default async function routes(app: FastifyInstance): Promise<void> {
  useZodSchemas(app);
  const registered = new Set<string>();
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) registered.add(`${method} ${route.url}`);
  });
  await app.register(authRoutes);
  await app.register(userRoutes);
  await app.register(classRoutes);
  await app.register(scenarioRoutes);
  await app.register(courseRoutes);
  await app.register(practiceRoutes);
  await app.register(drillRoutes);
  await app.register(reportRoutes);
  await app.register(gradeRoutes);
  await app.register(leaderboardRoutes);
  await app.register(evaluationRoutes);
  await app.register(appealRoutes);
  await app.register(studioRoutes);
  const missing = allRoutes(table).filter((r) => !registered.has(`${r.method} ${r.path}`));
  if (missing.length > 0) {
    throw new Error(
      `routes in the table without a handler: ${missing.map((r) => `${r.method} ${r.path}`).join(', ')}`,
    );
  }
}
