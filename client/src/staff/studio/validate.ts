// Checks one edited file against the rest of the library with the same loader as `kefu check`, and turns
// its errors (file:line:col message) into editor ranges. Pure: the editor, the page and tests share it.
import {
  type FileRecord,
  generateJsonSchemas,
  type Library,
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

export function checkFile(base: readonly FileRecord[], file: FileRecord): Checked {
  const { library, errors } = loadLibrary(overlayFiles(base, [file]));
  const mine = errors.filter((e) => e.file === file.path);
  return { library, errors: mine, otherErrors: errors.length - mine.length };
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
