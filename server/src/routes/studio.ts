// The scenario studio for instructors: the library's sources and saved versions, scenario saves that the
// library plays from then on, class rubrics, and catalogue files saved as 草稿 and published (发布). The
// catalogue owns the saves (server/src/scenarios); the catalogue editor its drafts (server/src/studio).
import { routes } from '@kefu/shared';
import type { FastifyInstance } from 'fastify';
import { CatalogueEditor } from '../studio/catalogue-editor.ts';
import { studioProducts, studioScenarios } from '../studio/library-view.ts';
import { serve } from './serve.ts';

export default async function studioRoutes(app: FastifyInstance): Promise<void> {
  const catalogue = new CatalogueEditor(app.catalog);
  serve(app, routes.studio.files, async () => ({
    files: await app.catalog.studioFiles(),
    scenarios: studioScenarios(app.catalog.library),
    products: studioProducts(app.catalog.library),
    catalogueDrafts: await catalogue.drafts(),
  }));
  serve(app, routes.studio.saveScenario, async ({ body }) =>
    app.catalog.saveScenario(body.text, app.clock.now()),
  );
  serve(app, routes.studio.saveRubric, async ({ body }) => app.catalog.saveRubric(body, app.clock.now()));
  serve(app, routes.studio.saveCatalogue, async ({ body, user }) =>
    catalogue.save(body, user.id, app.clock.now()),
  );
  serve(app, routes.studio.publishCatalogue, async ({ body, user }) =>
    catalogue.publish(body, user.id, app.clock.now()),
  );
  serve(app, routes.studio.catalogueHistory, async ({ query }) => ({
    versions: await catalogue.history(query.path),
  }));
}
