// Checks one edited file against the rest of the library with the same loader as `kefu check`, and turns
// its errors (file:line:col message) into editor ranges. Pure: the editor, the page and tests share it.
import {
  createLibraryLoader,
  type FileRecord,
  generateJsonSchemas,
  idTakenError,
  type Library,
  type LibraryLoader,
  loadLibrary,
  overlayFiles,
  type SourceError,
} from '@kefu/shared/scenario';

export interface Checked {
  library: Library;
  /** Errors in the edited file only, in reading order. */
  errors: SourceError[];
  /** Errors elsewhere that the edit caused or that were there already (shown as a count). */
  otherErrors: number;
}

/** `loadLibrary`, or a loader from `createLibraryLoader` that parses only what changed since its last call. */
export type Load = (files: readonly FileRecord[]) => { library: Library; errors: SourceError[] };

export function checkFile(
  base: readonly FileRecord[],
  file: FileRecord,
  load: Load = loadLibrary,
  identityOf?: (file: FileRecord) => string | undefined,
): Checked {
  const { library, errors } = load(overlayFiles(base, [file], identityOf));
  const mine = errors.filter((e) => e.file === file.path);
  // A product, category or phrase library with another file's id would replace that file, not add one.
  const taken = idTakenError(base, file, identityOf);
  // Then the other files' errors are that replacement's, not the author's to fix: the clash is.
  if (taken) return { library, errors: [taken, ...mine], otherErrors: 0 };
  return { library, errors: mine, otherErrors: errors.length - mine.length };
}

export interface Checker {
  library: Library;
  check(file: FileRecord): Checked;
  /** The library's files with `file` laid over them (what a proof of the edit loads). */
  filesWith(file: FileRecord): FileRecord[];
  /** What it read, for the checker of the next version of the library. */
  loader: LibraryLoader;
}

/**
 * Checks edits against one library as the author types: each base file is parsed once (or not at all when
 * `previous`, the checker of the library before a save, already read it), then only the edited file is read
 * again at every check.
 */
export function createChecker(base: readonly FileRecord[], previous?: Checker): Checker {
  const loader = previous?.loader ?? createLibraryLoader();
  const { library } = loader(base);
  return {
    library,
    check: (file) => checkFile(base, file, loader, loader.identity),
    filesWith: (file) => overlayFiles(base, [file], loader.identity),
    loader,
  };
}

/** Character range of an error in `text`: from its column to the end of the word there (at least one char). */
export function rangeOf(text: string, line: number, col: number): { from: number; to: number } {
  const lines = text.split('\n');
  const index = Math.min(Math.max(line, 1), lines.length) - 1;
  let offset = 0;
  for (let i = 0; i < index; i++) offset += (lines[i]?.length ?? 0) + 1;
  const content = lines[index] ?? '';
  const start = Math.min(Math.max(col - 1, 0), content.length);
  const rest = content.slice(start);
  const word = /^[^\s,:{}[\]]+/.exec(rest)?.[0].length ?? 0;
  const length = word > 0 ? word : Math.max(1, rest.trimEnd().length);
  const from = offset + start;
  return { from, to: Math.min(from + length, offset + Math.max(content.length, start + 1)) };
}

/** Every property name the buyer-scenario schema knows, for key completion. */
export function schemaKeys(kind: keyof ReturnType<typeof generateJsonSchemas> = 'buyer'): string[] {
  const keys = new Set<string>();
  const visit = (node: unknown) => {
    if (node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const n of node) visit(n);
      return;
    }
    const obj = node as Record<string, unknown>;
    const props = obj.properties;
    if (props && typeof props === 'object') {
      for (const k of Object.keys(props)) if (k !== '$schema') keys.add(k);
    }
    for (const value of Object.values(obj)) visit(value);
  };
  visit(generateJsonSchemas()[kind]);
  return [...keys].sort();
}

/** Values an author refers to: product ids and fact keys, quick phrases (id and code), rule ids, concepts. */
export function catalogueWords(library: Library): { label: string; detail: string }[] {
  const out: { label: string; detail: string }[] = [];
  for (const [id, product] of library.products) {
    out.push({ label: id, detail: product.name });
  }
  for (const [id, phrase] of library.phrases) {
    out.push({ label: id, detail: phrase.text.slice(0, 24) });
    if (phrase.code) out.push({ label: phrase.code, detail: phrase.text.slice(0, 24) });
  }
  return out;
}
