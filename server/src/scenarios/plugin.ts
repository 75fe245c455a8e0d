// Loads the scenario catalog at start and exposes it as `app.catalog`, and serves the library's own pictures
// (the only ones a scenario may name): buyer avatars at /library/avatars/, the images/ folder (buyers'
// photos, product pictures, size charts) at /library/images/.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import { ASSETS_FOLDER } from '@kefu/shared';
import fp from 'fastify-plugin';
import { ScenarioCatalog } from './catalog.ts';

declare module 'fastify' {
  interface FastifyInstance {
    catalog: ScenarioCatalog;
  }
}

export default fp(
  async (app, opts: { scenariosDir: string }) => {
    const catalog = await ScenarioCatalog.load(
      opts.scenariosDir,
      app.scenarioVersions,
      app.catalogueVersions,
      app.studioItems,
      Date.now(),
    );
    for (const error of catalog.errors) app.log.warn(`scenario error: ${error}`);
    app.log.info(`scenario library: ${catalog.library.buyers.size} buyer scenarios`);
    app.decorate('catalog', catalog);
    // Avatars, and the pictures scenarios name (buyers' photos, product pictures, size charts). A library
    // without one of these folders (git keeps no empty folder) simply serves none from it.
    for (const folder of ['avatars', ASSETS_FOLDER]) {
      if (!existsSync(join(opts.scenariosDir, folder))) continue;
      await app.register(async (assets) => {
        await assets.register(fastifyStatic, {
          root: join(opts.scenariosDir, folder),
          prefix: `/library/${folder}/`,
          decorateReply: false,
          index: false,
          // Pictures only: a file of another type in the folder is not served.
          allowedPath: (path) => /\.(png|jpe?g|webp|gif)$/i.test(path),
          setHeaders: (reply) => reply.header('cache-control', 'public, max-age=3600'),
        });
      });
    }
  },
  { name: 'scenarios', dependencies: ['database'] },
);
