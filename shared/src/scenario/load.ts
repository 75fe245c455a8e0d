// Loads the scenario library from file texts: parse with positions, validate each file by its kind, then check
// every cross-file reference. Pure (the CLI and the server read the files) and never throws: all problems in
// one run come back as errors at their file, line and column.
import type { Report } from './beat-graph.ts';
import { partsOf, partsOfRaw } from './buyer-parts.ts';
import { contentHash } from './content-hash.ts';
import {
  type CheckContext,
  checkBuyer,
  checkCategory,
  checkCorpus,
  checkCourse,
  checkLexicon,
  checkPhraseLibrary,
  checkProduct,
  checkScript,
} from './cross-references.ts';
import { fileKindOf, KIND_HINT } from './file-kind.ts';
import { emptyLibrary, type Library, type LibraryPhrase } from './library.ts';
import { fileIdentity } from './overlay.ts';
import {
  type AgentScript,
  AgentScriptSchema,
  type BuyerScenario,
  type Category,
  type CorpusCase,
  CorpusCaseSchema,
  type CorpusFile,
  type Course,
  FILE_KINDS,
  type FileKind,
  type Lexicon,
  type PhraseLibrary,
  type Product,
  type Rubric,
} from './schema.ts';
import { validate } from './schema-issues.ts';
import { compareErrors, type SourceError } from './source-error.ts';
import { errorAt, parseSource, type SourceFile } from './yaml-source.ts';

export { contentHash } from './content-hash.ts';
export { fileKindOf } from './file-kind.ts';
export { emptyLibrary, findPhrase, type Library, type LibraryPhrase } from './library.ts';
export { fileIdentity, overlayFiles } from './overlay.ts';
export { formatError, type SourceError } from './source-error.ts';
export { closest as closestName } from './suggest.ts';

export interface FileRecord {
  path: string;
  text: string;
}

type Valid =
  | { kind: 'product'; value: Product }
  | { kind: 'category'; value: Category }
  | { kind: 'corpus'; value: IndexedCase[] }
  | { kind: 'phrases'; value: PhraseLibrary }
  | { kind: 'lexicon'; value: Lexicon }
  | { kind: 'rubric'; value: Rubric }
  | { kind: 'buyer'; value: BuyerScenario }
  | { kind: 'course'; value: Course }
  | { kind: 'script'; value: AgentScript };

interface Loaded {
  source: SourceFile;
  valid: Valid;
}

/** A buyer file that failed validation: its valid pieces are still cross-checked. */
interface BrokenBuyer {
  source: SourceFile;
}

function reporter(source: SourceFile, errors: SourceError[]): Report {
  return (path, message, anchor) => errors.push(errorAt(source, path, message, anchor));
}

/** The id a file declares even when it failed validation, so references to it are not reported as unknown too. */
function declaredId(data: unknown): string | undefined {
  const id = data !== null && typeof data === 'object' ? (data as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? id : undefined;
}

/**
 * The folder holding the library (`scenarios/`, or '' for files at the top), guessed from the files' paths,
 * to name where a missing file belongs and where the studio creates one.
 */
export function libraryRoot(files: readonly FileRecord[]): string {
  for (const f of files) {
    const m = /^(.*?)\/?(?:products|phrases|rubrics|buyers)\/[^/]+$/.exec(f.path.replace(/\\/g, '/'));
    if (m) return m[1] === '' ? '' : `${m[1]}/`;
  }
  return 'scenarios/';
}

/** One file on its own: parsed with positions and validated by its kind, before any cross-file check. */
interface ReadFile {
  errors: readonly SourceError[];
  kind?: FileKind;
  source?: SourceFile;
  /** The validated value; undefined when the file failed validation (its source is kept for what is valid). */
  value?: unknown;
}

function readFile(file: FileRecord): ReadFile {
  const { source, errors: yamlErrors } = parseSource(file);
  if (yamlErrors.length > 0) return { errors: yamlErrors };
  const kind = fileKindOf(file);
  if (kind === undefined) {
    return { errors: [{ file: file.path, line: 1, col: 1, message: `不知道这是哪种文件：${KIND_HINT}` }] };
  }
  const { value, errors } = validate(source, FILE_KINDS[kind]);
  return { errors, kind, source, value };
}

/** The folder under the library root that holds its pictures (photos, product pictures, size charts). */
export const ASSETS_FOLDER = 'images';

export interface LoadOptions {
  /**
   * The pictures of the library's images/ folder (images/<file>); when given, every photo, product image
   * and image phrase must name one of them.
   */
  assets?: readonly string[];
}

/**
 * The library, its errors, and its warnings: what is valid but will not do what its author meant (a quick
 * phrase's variable that can have no value where a script sends it). `kefu check` prints warnings and passes.
 */
export interface LoadResult {
  library: Library;
  errors: SourceError[];
  warnings: SourceError[];
}

export function loadLibrary(files: readonly FileRecord[], options: LoadOptions = {}): LoadResult {
  return assemble(files, files.map(readFile), options);
}

/** `loadLibrary` with a memory: see `createLibraryLoader`. */
export interface LibraryLoader {
  (files: readonly FileRecord[], options?: LoadOptions): LoadResult;
  /** `fileIdentity` of a file, from what the loader read (without parsing it again when it did). */
  identity(file: FileRecord): string | undefined;
}

/**
 * A loader that remembers each file it read (by path and text), so loading the library again after one
 * file changed parses only that file: the studio checks an edit against the whole library as the author
 * types. Same results as `loadLibrary`; it keeps only the files of its latest call.
 */
export function createLibraryLoader(): LibraryLoader {
  let cache = new Map<string, ReadFile>();
  const keyOf = (file: FileRecord) => `${file.path}\u0000${file.text}`;
  const load = (files: readonly FileRecord[], options: LoadOptions = {}) => {
    const next = new Map<string, ReadFile>();
    const read = files.map((file) => {
      const key = keyOf(file);
      const found = next.get(key) ?? cache.get(key) ?? readFile(file);
      next.set(key, found);
      return found;
    });
    cache = next;
    return assemble(files, read, options);
  };
  const identity = (file: FileRecord) => {
    const known = cache.get(keyOf(file));
    if (known?.source === undefined || known.kind === undefined) return fileIdentity(file);
    if (known.kind === 'script') return undefined;
    if (known.kind === 'lexicon') return 'lexicon';
    const id = declaredId(known.source.data);
    return id === undefined ? undefined : `${known.kind}:${id}`;
  };
  return Object.assign(load, { identity });
}

function assemble(files: readonly FileRecord[], read: readonly ReadFile[], options: LoadOptions): LoadResult {
  const errors: SourceError[] = [];
  const warnings: SourceError[] = [];
  const library = emptyLibrary();
  if (options.assets !== undefined) library.assets = new Set(options.assets);
  const loaded: Loaded[] = [];
  const brokenBuyers: BrokenBuyer[] = [];
  const brokenProducts = new Set<string>();
  let lexicons = 0;
  let courses = 0;
  let brokenLexicon = false;
  let brokenRubricDefault = false;

  for (const { errors: fileErrors, kind, source, value } of read) {
    errors.push(...fileErrors);
    if (kind === undefined || source === undefined) continue;
    if (kind === 'lexicon') lexicons++;
    if (kind === 'course') courses++;
    if (kind === 'corpus') {
      // One bad case must not hide the others from judge-eval: keep every case that is valid on its own.
      const cases = value === undefined ? validCases(source.data) : indexed((value as CorpusFile).cases);
      if (cases.length > 0) loaded.push({ source, valid: { kind, value: cases } });
      continue;
    }
    if (value === undefined) {
      const id = declaredId(source.data);
      if (kind === 'product' && id !== undefined) brokenProducts.add(id);
      if (kind === 'lexicon') brokenLexicon = true;
      if (kind === 'rubric' && id === 'default') brokenRubricDefault = true;
      if (kind === 'buyer') brokenBuyers.push({ source });
      continue;
    }
    loaded.push({ source, valid: { kind, value } as Valid });
  }

  // Register everything first, so references resolve regardless of file order.
  const firstFile = new Map<string, string>();
  const register = <T>(map: Map<string, T>, kindName: string, id: string, value: T, source: SourceFile) => {
    const key = `${kindName}:${id}`;
    if (map.has(id)) {
      errors.push(errorAt(source, ['id'], `重复的${kindName} id "${id}"（${firstFile.get(key)} 已定义）`));
      return false;
    }
    map.set(id, value);
    firstFile.set(key, source.path);
    return true;
  };
  const phraseFiles = new Map<string, string>();
  const phraseLibraries = new Map<string, PhraseLibrary>();
  for (const { source, valid } of loaded) {
    switch (valid.kind) {
      case 'product':
        register(library.products, '商品', valid.value.id, valid.value, source);
        break;
      case 'category':
        register(library.categories, '品类', valid.value.id, valid.value, source);
        break;
      case 'rubric':
        register(library.rubrics, '评分标准', valid.value.id, valid.value, source);
        break;
      case 'buyer':
        if (register(library.buyers, '买家场景', valid.value.id, valid.value, source)) {
          library.versions.set(valid.value.id, contentHash(source.text));
          library.files.set(valid.value.id, source.path);
        }
        break;
      case 'lexicon':
        if (lexicons > 1) errors.push(errorAt(source, [], `只能有一个 lexicon.yaml，现在有 ${lexicons} 个`));
        else library.lexicon = valid.value;
        break;
      case 'phrases': {
        if (!register(phraseLibraries, '话术库', valid.value.id, valid.value, source)) break;
        registerPhrases(library, phraseFiles, source, valid.value, errors);
        break;
      }
      case 'course':
        if (courses > 1) errors.push(errorAt(source, [], `只能有一个学习路径文件，现在有 ${courses} 个`));
        else library.course = valid.value;
        break;
      case 'script':
      case 'corpus':
        break;
    }
  }
  inheritCategoryFacts(library);

  const hasLexicon = lexicons === 1 && !brokenLexicon;
  const root = libraryRoot(files);
  if (lexicons === 0) {
    errors.push({
      file: `${root}lexicon.yaml`,
      line: 1,
      col: 1,
      message: '缺少词库文件 lexicon.yaml（每个场景库必须恰好有一个）',
    });
  }
  if (!library.rubrics.has('default') && !brokenRubricDefault) {
    errors.push({
      file: `${root}rubrics/default.yaml`,
      line: 1,
      col: 1,
      message: '缺少 id 为 default 的评分标准',
    });
  }

  const buyerUnits = [
    ...[...library.buyers.values()].map((b) => b.unit),
    ...brokenBuyers.map((b) => partsOfRaw(b.source.data).unit),
  ].filter((u): u is string => u !== undefined);
  const ctx: CheckContext = { library, hasLexicon, brokenProducts, hasCourse: courses > 0, buyerUnits };
  const corpusIds = new Map<string, string>();
  for (const { source, valid } of loaded) {
    const report = reporter(source, errors);
    switch (valid.kind) {
      case 'lexicon':
        if (lexicons === 1) checkLexicon(valid.value, report);
        break;
      case 'product':
        checkProduct(valid.value, ctx, report);
        break;
      case 'category':
        checkCategory(valid.value, ctx, report);
        break;
      case 'corpus':
        library.corpus.push(...checkCorpus(valid.value, source, ctx, report, corpusIds));
        break;
      case 'phrases':
        checkPhraseLibrary(valid.value, ctx, report);
        break;
      case 'buyer':
        checkBuyer(partsOf(valid.value), ctx, report, reporter(source, warnings));
        break;
      case 'script':
        checkScript(valid.value, [], library, report);
        break;
      case 'course':
        if (courses === 1) checkCourse(valid.value, ctx, report);
        break;
      case 'rubric':
        break;
    }
  }
  for (const { source } of brokenBuyers) checkBuyer(partsOfRaw(source.data), ctx, reporter(source, errors));
  return {
    library,
    errors: dedupe(errors).sort(compareErrors),
    warnings: dedupe(warnings).sort(compareErrors),
  };
}

type IndexedCase = { index: number; case: CorpusCase };

const indexed = (cases: readonly CorpusCase[]): IndexedCase[] =>
  cases.map((c, index) => ({ index, case: c }));

function validCases(data: unknown): IndexedCase[] {
  const cases = data !== null && typeof data === 'object' ? (data as { cases?: unknown }).cases : undefined;
  if (!Array.isArray(cases)) return [];
  const out: IndexedCase[] = [];
  cases.forEach((raw, index) => {
    const parsed = CorpusCaseSchema.safeParse(raw);
    if (parsed.success) out.push({ index, case: parsed.data });
  });
  return out;
}

/** A product of a category gets the category's facts; its own facts of the same key win. */
function inheritCategoryFacts(library: Library): void {
  for (const [id, product] of library.products) {
    const category = product.category === undefined ? undefined : library.categories.get(product.category);
    // A new object: a loader may hand the same validated product to the next load.
    if (category) library.products.set(id, { ...product, facts: { ...category.facts, ...product.facts } });
  }
}

/** Phrase ids and shortcut codes are unique across all phrase libraries: the composer looks them up by either. */
function registerPhrases(
  library: Library,
  firstFile: Map<string, string>,
  source: SourceFile,
  phrases: PhraseLibrary,
  errors: SourceError[],
): void {
  for (const [g, group] of phrases.groups.entries()) {
    for (const [p, phrase] of group.phrases.entries()) {
      const entry: LibraryPhrase = { ...phrase, group: group.id, library: phrases.id };
      const at = ['groups', g, 'phrases', p];
      const owner = library.phrases.get(phrase.id);
      if (owner) {
        const where = firstFile.get(`id:${phrase.id}`);
        errors.push(errorAt(source, [...at, 'id'], `重复的话术 id "${phrase.id}"（${where} 已定义）`));
      } else {
        library.phrases.set(phrase.id, entry);
        firstFile.set(`id:${phrase.id}`, source.path);
      }
      const codeOwner = library.phrasesByCode.get(phrase.code);
      if (codeOwner) {
        const where = firstFile.get(`code:${phrase.code}`);
        const message = `重复的快捷编码 "${phrase.code}"（话术 "${codeOwner.id}" 已使用，见 ${where}）`;
        errors.push(errorAt(source, [...at, 'code'], message));
      } else {
        library.phrasesByCode.set(phrase.code, entry);
        firstFile.set(`code:${phrase.code}`, source.path);
      }
    }
  }
}

function dedupe(errors: SourceError[]): SourceError[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const key = `${e.file}:${e.line}:${e.col}:${e.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** An agent script checked against the library: its phrases must exist. Empty script on errors. */
export function parseAgentScript(
  file: FileRecord,
  library: Library,
): { script: AgentScript; errors: SourceError[] } {
  const { source, errors } = parseSource(file);
  if (errors.length > 0) return { script: [], errors };
  const { value, errors: schemaErrors } = validate(source, AgentScriptSchema);
  if (value === undefined) return { script: [], errors: schemaErrors };
  const found: SourceError[] = [];
  checkScript(value, [], library, reporter(source, found));
  return { script: found.length > 0 ? [] : value, errors: found.sort(compareErrors) };
}
