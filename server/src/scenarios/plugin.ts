// Loads the scenario catalog at start and exposes it as `app.catalog`.
import fp from 'fastify-plugin';
import { ScenarioCatalog } from './catalog.ts';

declare module 'fastify' {
  interface FastifyInstance {
    catalog: ScenarioCatalog;
  }
}

export default fp(
  async (app, opts: { scenariosDir: string }) => {
    const catalog = await ScenarioCatalog.load(opts.scenariosDir, app.scenarioVersions, Date.now());
    for (const error of catalog.errors) app.log.warn(`scenario error: ${error}`);
    app.log.info(`scenario library: ${catalog.library.buyers.size} buyer scenarios`);
    app.decorate('catalog', catalog);
  },
  { name: 'scenarios', dependencies: ['database'] },
);
