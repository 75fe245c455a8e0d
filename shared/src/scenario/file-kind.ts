// Which schema a file is validated by: its folder under scenarios/, else the schema its editor comment names.
import { FILE_KINDS, type FileKind } from './schema.ts';

/** Folder (or file name, for the lexicon) → kind. Agent scripts have no folder: they live beside tests or anywhere. */
const BY_FOLDER: Record<string, FileKind> = {
  products: 'product',
  categories: 'category',
  phrases: 'phrases',
  rubrics: 'rubric',
  buyers: 'buyer',
  course: 'course',
};

export const SCHEMA_COMMENT = /#\s*yaml-language-server:\s*\$schema=\S*?([a-z]+)\.schema\.json/;

/** The kind of a file, or undefined when neither its place nor its schema comment says. */
export function fileKindOf(file: { path: string; text: string }): FileKind | undefined {
  const parts = file.path.replace(/\\/g, '/').split('/');
  const name = parts[parts.length - 1] ?? '';
  const folder = parts[parts.length - 2];
  if (/^lexicon\.ya?ml$/.test(name)) return 'lexicon';
  // The judgement corpus lives in corpus/dev/ and corpus/holdout/ (docs/judge-corpus.md).
  if (parts[parts.length - 3] === 'corpus' || folder === 'corpus') return 'corpus';
  if (folder !== undefined && BY_FOLDER[folder]) return BY_FOLDER[folder];
  const named = SCHEMA_COMMENT.exec(file.text)?.[1];
  if (named !== undefined && named in FILE_KINDS) return named as FileKind;
  return undefined;
}

/** Where a file of each kind belongs, for the error that tells an author what to do. */
export const KIND_HINT =
  '放到 scenarios/ 下的 products/、categories/、phrases/、rubrics/、buyers/、course/、corpus/dev/、corpus/holdout/ 或命名为 lexicon.yaml，或在首行写 # yaml-language-server: $schema=../schema/<种类>.schema.json（种类：product / category / phrases / lexicon / rubric / buyer / script / corpus / course）';
