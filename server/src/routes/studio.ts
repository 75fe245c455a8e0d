// The scenario studio for instructors: the library's sources, scenarios as drafts of their owners, 发布
// (publish) of a proven version, 复制后编辑, 试玩 of a saved version, class rubrics, and catalogue files
// saved as 草稿 and published (发布). The scenario studio (server/src/studio/scenario-studio.ts) and the
// catalogue editor hold the rules; the catalogue (server/src/scenarios) plays what is published.
import { routes } from '@kefu/shared';
import type { FastifyInstance } from 'fastify';
import { composeVersion, DEFAULT_RUBRIC } from '../scenarios/catalog.ts';
import { CatalogueEditor } from '../studio/catalogue-editor.ts';
import { studioProducts } from '../studio/library-view.ts';
import { createProverPool } from '../studio/prover-pool.ts';
import { createScenarioStudio } from '../studio/scenario-studio.ts';
import { serve } from './serve.ts';

export default async function studioRoutes(app: FastifyInstance): Promise<void> {
  const provers = createProverPool();
  app.addHook('onClose', () => provers.close());
  const catalogue = new CatalogueEditor(app.catalog, provers, app.proofVerdicts);
  const studio = createScenarioStudio({
    catalog: app.catalog,
    items: app.studioItems,
    versions: app.scenarioVersions,
    users: app.users,
    classes: app.classes,
    access: app.access,
  });

  serve(app, routes.studio.files, async ({ user }) => {
    const { scenarios, files } = await studio.list(user);
    return {
      files: [...(await app.catalog.studioFiles()), ...files],
      scenarios,
      products: studioProducts(app.catalog.library),
      catalogueDrafts: await catalogue.drafts(),
    };
  });
  serve(app, routes.studio.saveScenario, async ({ user, body }) =>
    studio.saveDraft(user, body.text, app.clock.now()),
  );
  serve(app, routes.studio.publishScenario, async ({ user, params: { id }, body }) => ({
    scenarioId: id,
    publication: await studio.publish(user, id, body, app.clock.now()),
  }));
  serve(app, routes.studio.copyScenario, async ({ user, params: { id } }) =>
    studio.copy(user, id, app.clock.now()),
  );
  serve(app, routes.studio.deleteScenario, async ({ user, params: { id } }) => {
    await studio.remove(user, id);
    return { ok: true as const };
  });
  serve(app, routes.studio.tryScenario, async ({ user, params: { id }, body }) => {
    await studio.tryable(user, id, body.version);
    const runtime = await app.soloLimit.open(user.id, 1, () =>
      app.live.open({
        studentId: user.id,
        drillId: null,
        slot: null,
        scenarioId: id,
        // Under the catalogue in force, as a publish now would play it.
        version: composeVersion(body.version, app.catalog.catalogueState.version),
        rubricId: DEFAULT_RUBRIC,
        seed: app.newSeed(),
        arrivesAt: app.clock.now(),
      }),
    );
    return { conversations: [app.live.view(runtime)] };
  });
  serve(app, routes.studio.saveRubric, async ({ body }) => app.catalog.saveRubric(body, app.clock.now()));
  serve(app, routes.studio.saveCatalogue, async ({ body, user }) =>
    catalogue.save(body, user.id, app.clock.now()),
  );
  serve(app, routes.studio.publishCatalogue, async ({ body, user }) =>
    catalogue.publish(body, user.id, app.clock.now()),
  );
  serve(app, routes.studio.deleteCatalogueDraft, async ({ query, user }) => {
    await catalogue.removeDraft(query.path, user);
    return { ok: true as const };
  });
  serve(app, routes.studio.catalogueHistory, async ({ query }) => ({
    versions: await catalogue.history(query.path),
  }));
}
