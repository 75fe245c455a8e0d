// The scenario studio for instructors: the library's sources and saved versions, scenario saves that the
// library plays from then on, and class rubrics. The catalogue owns the saves (server/src/scenarios).
import { routes } from '@kefu/shared';
import type { FastifyInstance } from 'fastify';
import { studioProducts, studioScenarios } from '../studio/library-view.ts';
import { serve } from './serve.ts';

export default async function studioRoutes(app: FastifyInstance): Promise<void> {
  serve(app, routes.studio.files, async () => ({
    files: await app.catalog.studioFiles(),
    scenarios: studioScenarios(app.catalog.library),
    products: studioProducts(app.catalog.library),
  }));
  serve(app, routes.studio.saveScenario, async ({ body }) =>
    app.catalog.saveScenario(body.text, app.clock.now()),
  );
  serve(app, routes.studio.saveRubric, async ({ body }) => app.catalog.saveRubric(body, app.clock.now()));
}
