// When `npm start` builds: only when a part's output or its hash is missing or its sources' contents changed
// (a fresh clone or checkout changes file times, not contents, and must not trigger a build).
import { mkdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HASH_FILE, isStale, sourceHash, staleTargets } from '../../scripts/build-state.js';
import { tempDataDir } from './helpers/server.ts';

let root: string;

function write(path: string, text: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}

/** A built server: its bundle and the hash of the sources it was built from. */
function buildServer(): void {
  write('server/dist/main.js', 'export {};');
  write(`server/dist/${HASH_FILE}`, `${sourceHash('server', root)}\n`);
}

beforeEach(() => {
  root = tempDataDir();
  write('server/src/main.ts', 'export const a = 1;');
  write('shared/src/index.ts', 'export const b = 2;');
  write('client/src/main.tsx', 'export const c = 3;');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('build freshness', () => {
  it('builds what has never been built', () => {
    expect(staleTargets(root)).toEqual(['client', 'server']);
  });

  it('skips a part built from the current sources, even when their file times changed', () => {
    buildServer();
    expect(isStale('server', root)).toBe(false);
    utimesSync(join(root, 'server/src/main.ts'), new Date(), new Date(Date.now() + 60_000));
    expect(isStale('server', root)).toBe(false);
    expect(staleTargets(root)).toEqual(['client']);
  });

  it('rebuilds after an edit, a new file, or a change to shared code', () => {
    for (const change of [
      () => write('server/src/main.ts', 'export const a = 2;'),
      () => write('server/src/new.ts', ''),
      () => write('shared/src/index.ts', 'export const b = 3;'),
    ]) {
      buildServer();
      change();
      expect(isStale('server', root)).toBe(true);
    }
  });

  it('rebuilds when the output or its hash is missing (a failed or interrupted build)', () => {
    buildServer();
    rmSync(join(root, `server/dist/${HASH_FILE}`));
    expect(isStale('server', root)).toBe(true);
    buildServer();
    rmSync(join(root, 'server/dist/main.js'));
    expect(isStale('server', root)).toBe(true);
  });

  it('does not rebuild the server for a client-only change', () => {
    buildServer();
    write('client/src/main.tsx', 'export const c = 4;');
    expect(isStale('server', root)).toBe(false);
  });
});
