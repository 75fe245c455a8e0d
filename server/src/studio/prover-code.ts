// What proves, named by content: a verdict shared through the database (several processes, or one after an
// upgrade) stands only for code that judges the same. From source: the pure core's files and the prover's;
// built: the prover thread's bundle, which holds the core. Both with the segmenter's version (an npm package).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

let known: string | undefined;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? sourceFiles(path) : [path];
    });
}

/** The segmenter's package.json: its version decides how words are cut. */
function segmenterPackage(): string {
  let dir = dirname(createRequire(import.meta.url).resolve('jieba-wasm'));
  for (;;) {
    try {
      return readFileSync(join(dir, 'package.json'), 'utf8');
    } catch {
      const up = dirname(dir);
      if (up === dir) return '';
      dir = up;
    }
  }
}

export function proverCode(): string {
  if (known !== undefined) return known;
  const hash = createHash('sha256');
  const root = fileURLToPath(new URL('../../../', import.meta.url));
  const files = import.meta.url.endsWith('.ts')
    ? [
        ...sourceFiles(fileURLToPath(new URL('../../../shared/src', import.meta.url))),
        fileURLToPath(new URL('./verdict.ts', import.meta.url)),
        fileURLToPath(new URL('./prove-worker.ts', import.meta.url)),
      ]
    : [fileURLToPath(new URL('./prove-worker.js', import.meta.url))];
  for (const file of files) hash.update(`${relative(root, file)}\n`).update(readFileSync(file));
  hash.update(segmenterPackage());
  known = hash.digest('hex').slice(0, 16);
  return known;
}
