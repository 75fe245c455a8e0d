// @ts-check
// `npm run build [client|server]`: the workbench with Vite into client/dist, and the server with esbuild into
// one ES module, server/dist/main.js, and its prover thread's, prove-worker.js, that plain Node runs (shared/'s
// TypeScript is bundled in; npm packages stay imports). Each output gets the hash of its sources last, so a failed build is never taken as fresh.
// Vite and esbuild are imported only here, only when something is built: a machine that has the build
// does not need them.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { HASH_FILE, ROOT, sourceHash, TARGETS } from './build-state.js';

/** @typedef {import('./build-state.js').Target} Target */

async function buildClient() {
  const { build } = await import('vite');
  await build({ root: join(ROOT, 'client'), logLevel: 'error', build: { emptyOutDir: true } });
}

async function buildServer() {
  const esbuild = await import('esbuild');
  await esbuild.build({
    // The prover thread is a module of its own (server/src/studio/prover-pool.ts starts it beside main.js).
    entryPoints: {
      main: join(ROOT, 'server/src/main.ts'),
      'prove-worker': join(ROOT, 'server/src/studio/prove-worker.ts'),
    },
    outdir: join(ROOT, TARGETS.server.outDir),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20.19',
    sourcemap: 'linked',
    logLevel: 'warning',
    plugins: [
      {
        // npm packages (fastify, better-sqlite3, jieba-wasm…) are loaded from node_modules; the workspace's
        // own @kefu/shared is TypeScript source, so it is bundled, with its #subpath imports (#jieba).
        name: 'npm-packages-external',
        setup(build) {
          build.onResolve({ filter: /^[^./#]/ }, (args) =>
            args.path.startsWith('@kefu/') ? undefined : { path: args.path, external: true },
          );
        },
      },
    ],
  });
}

const BUILDERS = { client: buildClient, server: buildServer };

/**
 * Builds the targets, one after the other.
 * @param {readonly Target[]} targets
 */
export async function build(targets) {
  for (const target of targets) {
    // Hashed before building: a source edited during the build makes the next start build again.
    const hash = sourceHash(target);
    const hashFile = join(ROOT, TARGETS[target].outDir, HASH_FILE);
    rmSync(hashFile, { force: true });
    await BUILDERS[target]();
    writeFileSync(hashFile, `${hash}\n`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const asked = process.argv.slice(2);
  const unknown = asked.filter((name) => !(name in TARGETS));
  if (unknown.length > 0) {
    console.error(`不认识的构建目标：${unknown.join(' ')}（可选：${Object.keys(TARGETS).join('、')}）`);
    process.exit(2);
  }
  await build(asked.length > 0 ? /** @type {Target[]} */ (asked) : ['client', 'server']);
}
