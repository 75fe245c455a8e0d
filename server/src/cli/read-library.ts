// Reads scenario files from disk into the records the pure loader takes; paths are relative to the working
// directory so error lines (`file:line:col`) open in editors and terminals.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { ASSETS_FOLDER, IMAGE_PATH } from '@kefu/shared/scenario';

export interface FileRecord {
  path: string;
  text: string;
}

/** Folders never holding scenario sources: generated schemas and installed packages. */
const SKIPPED = new Set(['schema', 'node_modules', '.git']);

function display(absolute: string, cwd: string): string {
  const rel = relative(cwd, absolute);
  return (rel === '' ? '.' : rel).split(sep).join('/');
}

/** Every .yaml/.yml file under `target` (a file or a folder), in a stable order. Missing paths throw. */
export function readYamlFiles(target: string, cwd: string = process.cwd()): FileRecord[] {
  const absolute = resolve(cwd, target);
  if (!existsSync(absolute)) throw new Error(`找不到文件或文件夹：${target}`);
  const out: FileRecord[] = [];
  const visit = (path: string) => {
    if (statSync(path).isDirectory()) {
      for (const name of readdirSync(path).sort()) {
        if (!SKIPPED.has(name)) visit(join(path, name));
      }
    } else if (/\.ya?ml$/i.test(path) || path === absolute) {
      out.push({ path: display(path, cwd), text: readFileSync(path, 'utf8') });
    }
  };
  visit(absolute);
  return out;
}

/** The library under `root` (default `scenarios/` in the working directory); a missing root is an empty library. */
export function readLibrary(root = 'scenarios', cwd: string = process.cwd()): FileRecord[] {
  return existsSync(resolve(cwd, root)) ? readYamlFiles(root, cwd) : [];
}

/** The pictures in the library's images/ folder as files name them (images/<file>, sorted); none without one. */
export function readAssets(root = 'scenarios', cwd: string = process.cwd()): string[] {
  const folder = resolve(cwd, root, ASSETS_FOLDER);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) return [];
  return readdirSync(folder)
    .map((name) => `${ASSETS_FOLDER}/${name}`)
    .filter((path) => IMAGE_PATH.test(path) && statSync(resolve(cwd, root, path)).isFile())
    .sort();
}

/** Pulls `--root DIR` out of a command's arguments. */
export function takeRoot(args: readonly string[]): { root: string; rest: string[] } {
  const rest: string[] = [];
  let root = 'scenarios';
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--root' && args[i + 1] !== undefined) root = args[++i]!;
    else if (arg.startsWith('--root=')) root = arg.slice('--root='.length);
    else rest.push(arg);
  }
  return { root, rest };
}
