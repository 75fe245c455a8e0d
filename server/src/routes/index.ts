// The HTTP API of shared/src/protocol.ts, under /api. Every route checks role and ownership itself.
import type { FastifyInstance } from 'fastify';
import authRoutes from './auth.ts';
import classRoutes from './classes.ts';
import drillRoutes from './drills.ts';
import evaluationRoutes from './evaluations.ts';
import practiceRoutes from './practice.ts';
import reportRoutes from './reports.ts';
import scenarioRoutes from './scenarios.ts';
import staffRoutes from './staff.ts';
import userRoutes from './users.ts';

export default async function routes(app: FastifyInstance): Promise<void> {
  await app.register(authRoutes);
  await app.register(userRoutes);
  await app.register(classRoutes);
  await app.register(scenarioRoutes);
  await app.register(practiceRoutes);
  await app.register(drillRoutes);
  await app.register(reportRoutes);
  await app.register(evaluationRoutes);
  await app.register(staffRoutes);
}
