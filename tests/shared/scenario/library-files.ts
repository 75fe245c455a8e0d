// Test helper: fixture libraries as the file records the pure loader takes.
import { readYamlFiles } from '../../../server/src/cli/read-library.ts';
import type { FileRecord } from '../../../shared/src/scenario/load.ts';

export const VALID = 'tests/fixtures/scenarios-valid';
export const BROKEN = 'tests/fixtures/scenarios-broken';

export function fixture(root: string): FileRecord[] {
  return readYamlFiles(root);
}

/** The valid fixture with one file replaced (by path suffix) or added. */
export function withFile(path: string, text: string, root = VALID): FileRecord[] {
  const full = `${root}/${path}`;
  return [...fixture(root).filter((f) => f.path !== full), { path: full, text }];
}

/** The valid fixture with one file's text edited. */
export function editFile(path: string, edit: (text: string) => string, root = VALID): FileRecord[] {
  const full = `${root}/${path}`;
  return fixture(root).map((f) => (f.path === full ? { ...f, text: edit(f.text) } : f));
}
