// `kefu check file.yaml` loads the given files on top of the library: a given file replaces the library's file
// at the same path or declaring the same kind and id, so an edited copy is checked against everything else.
import { parseDocument } from 'yaml';
import { fileKindOf } from './file-kind.ts';

interface FileRecord {
  path: string;
  text: string;
}

/** `kind:id` of a file (just `lexicon` for the one lexicon); undefined for scripts and unreadable files. */
export function fileIdentity(file: FileRecord): string | undefined {
  const kind = fileKindOf(file);
  if (kind === undefined || kind === 'script') return undefined;
  if (kind === 'lexicon') return kind;
  try {
    const id = parseDocument(file.text).get('id');
    return typeof id === 'string' ? `${kind}:${id}` : undefined;
  } catch {
    return undefined;
  }
}

/**
 * `top` laid over `base`. Finding a file's identity parses it: a caller that overlays often on the same
 * base (the studio, at every edit) passes the base's identities worked out once.
 */
export function overlayFiles(
  base: readonly FileRecord[],
  top: readonly FileRecord[],
  identityOf: (file: FileRecord) => string | undefined = fileIdentity,
): FileRecord[] {
  const paths = new Set(top.map((f) => f.path));
  const ids = new Set(top.map(fileIdentity).filter((i) => i !== undefined));
  const kept = base.filter((f) => {
    if (paths.has(f.path)) return false;
    const id = identityOf(f);
    return id === undefined || !ids.has(id);
  });
  return [...kept, ...top];
}
