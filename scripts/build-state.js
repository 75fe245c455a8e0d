// @ts-check
// What each part of the build is made from, and whether the build on disk is still made from it. Each
// output folder keeps a content hash of its sources (`.build-hash`, written only after a build succeeded),
// so `npm start` builds only what is missing or out of date. Plain Node on purpose: it runs before anything
// is built and on machines without the build tools.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file is in scripts/). */
export const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The build's own settings: a change to them changes every part. */
const COMMON = ['scripts/build.js', 'tsconfig.base.json', 'shared/src', 'shared/package.json'];

/** @typedef {'client' | 'server'} Target */

/** @type {Record<Target, { outDir: string; entry: string; sources: string[] }>} */
export const TARGETS = {
  // The workbench: Vite bundles React and the other client packages, hence the lock file.
  client: {
    outDir: 'client/dist',
    entry: 'index.html',
    sources: [
      ...COMMON,
      'client/src',
      'client/index.html',
      'client/vite.config.ts',
      'client/tsconfig.json',
      'client/package.json',
      'package-lock.json',
    ],
  },
  // The server: one ES module; its npm packages stay imports resolved from node_modules at run time.
  server: {
    outDir: 'server/dist',
    entry: 'main.js',
    sources: [...COMMON, 'server/src', 'server/tsconfig.json', 'server/package.json'],
  },
};

export const HASH_FILE = '.build-hash';

/**
 * Every file under `path` (a file or a folder), relative to `root`, sorted; missing paths are skipped.
 * @param {string} root
 * @param {string} path
 * @returns {string[]}
 */
function files(root, path) {
  const absolute = join(root, path);
  if (!existsSync(absolute)) return [];
  if (!statSync(absolute).isDirectory()) return [path];
  return readdirSync(absolute)
    .sort()
    .flatMap((name) => files(root, `${path}/${name}`));
}

/**
 * A hash of the target's sources: names and contents, not times (a fresh clone or a checkout changes
 * every file's time but not what the build would be).
 * @param {Target} target
 */
export function sourceHash(target, root = ROOT) {
  const hash = createHash('sha256');
  for (const file of TARGETS[target].sources.flatMap((path) => files(root, path))) {
    hash
      .update(file)
      .update('\0')
      .update(readFileSync(join(root, file)))
      .update('\0');
  }
  return hash.digest('hex');
}

/**
 * Whether the target must be (re)built: its output or hash file is missing, or its sources changed.
 * @param {Target} target
 */
export function isStale(target, root = ROOT) {
  const { outDir, entry } = TARGETS[target];
  const hashFile = join(root, outDir, HASH_FILE);
  if (!existsSync(join(root, outDir, entry)) || !existsSync(hashFile)) return true;
  return readFileSync(hashFile, 'utf8').trim() !== sourceHash(target, root);
}

/** @returns {Target[]} */
export function staleTargets(root = ROOT) {
  return /** @type {Target[]} */ (Object.keys(TARGETS)).filter((target) => isStale(target, root));
}
