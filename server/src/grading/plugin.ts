// One grading service for the instance (`app.grading`): one report cache for every route that scores.
import fp from 'fastify-plugin';
import { Grading } from './grading.ts';

declare module 'fastify' {
  interface FastifyInstance {
    grading: Grading;
  }
}

export default fp(
  async (app) => {
    app.decorate('grading', new Grading(app));
  },
  { name: 'grading', dependencies: ['database', 'scenarios'] },
);
