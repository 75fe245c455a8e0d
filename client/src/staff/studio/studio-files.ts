// The studio's view of the library: shipped files with each studio save laid over its scenario, and what a
// file is (its kind, its scenario id) read from its path and text without parsing it.

import type { StudioFile } from '@kefu/shared/protocol';
import type { FileRecord } from '@kefu/shared/scenario';
import { saveTextFile } from '../../app/save-file.ts';

const KIND_OF_FOLDER: Record<string, string> = {
  products: 'kind.product',
  categories: 'kind.category',
  phrases: 'kind.phrases',
  rubrics: 'kind.rubric',
};

/** The i18n key (under `studio.`) naming a file's kind. */
export function kindLabel(path: string): string {
  const parts = path.split('/');
  if (/lexicon\.ya?ml$/.test(path)) return 'kind.lexicon';
  return KIND_OF_FOLDER[parts[parts.length - 2] ?? ''] ?? 'kind.other';
}

/** The `id:` a file declares at its top level, if any. */
export function idOf(text: string): string | null {
  return /^id:\s*([a-z0-9][a-z0-9-]*)\s*$/m.exec(text)?.[1] ?? null;
}

export const isBuyerPath = (path: string) => path.includes('/buyers/');

/** Catalogue files (products, categories, phrases, lexicon): edited as 草稿 and published (发布). */
export function isCataloguePath(path: string): boolean {
  const kind = kindLabel(path);
  return (
    kind === 'kind.product' || kind === 'kind.category' || kind === 'kind.phrases' || kind === 'kind.lexicon'
  );
}

/** The schema a catalogue file is written in, for key completion. */
export function schemaOf(path: string): 'buyer' | 'product' | 'category' | 'phrases' | 'lexicon' {
  const kind = kindLabel(path).slice('kind.'.length);
  return kind === 'product' || kind === 'category' || kind === 'phrases' || kind === 'lexicon'
    ? kind
    : 'buyer';
}

/**
 * The files the loader sees: shipped ones with each studio save laid over its scenario, and each published
 * catalogue file over the shipped one at its path.
 */
export function baseFiles(files: readonly StudioFile[]): FileRecord[] {
  const saved = files.filter((f) => f.origin === 'studio');
  const savedIds = new Set(saved.map((f) => idOf(f.text)));
  const savedPaths = new Set(saved.map((f) => f.path));
  return [
    ...files.filter(
      (f) =>
        f.origin === 'library' &&
        !savedPaths.has(f.path) &&
        !(isBuyerPath(f.path) && savedIds.has(idOf(f.text))),
    ),
    ...saved,
  ].map((f) => ({ path: f.path, text: f.text }));
}

export const download = (name: string, text: string) => saveTextFile(name, text, 'text/yaml');
