// The loaded scenario library: everything the shopper machine, scoring and the CLI look up by id.
import type {
  BuyerScenario,
  Category,
  CorpusCase,
  Course,
  Lexicon,
  Phrase,
  Product,
  Rubric,
} from './schema.ts';

/** A quick phrase with the group and phrase library it came from. */
export type LibraryPhrase = Phrase & { group: string; library: string };

/** One labelled reply of the judgement corpus, with where it was written. */
export interface CorpusEntry {
  case: CorpusCase;
  part: 'dev' | 'holdout';
  file: string;
  line: number;
}

export interface Library {
  /** Products with their category's facts merged in (a product's own fact of the same key wins). */
  products: Map<string, Product>;
  categories: Map<string, Category>;
  /** By phrase id. */
  phrases: Map<string, LibraryPhrase>;
  /** By shortcut code. */
  phrasesByCode: Map<string, LibraryPhrase>;
  lexicon: Lexicon;
  rubrics: Map<string, Rubric>;
  buyers: Map<string, BuyerScenario>;
  /** Buyer id → content hash of its file's text (the scenario version a report records). */
  versions: Map<string, string>;
  /** Buyer id → the path of its file. */
  files: Map<string, string>;
  /** The learning path (scenarios/course/): ordered units the buyer scenarios name; null when there is none. */
  course: Course | null;
  /** The judgement corpus (scenarios/corpus), in file order; only valid cases. */
  corpus: CorpusEntry[];
  /** Pictures of the images/ folder as files name them (images/x.png); null when not known (not checked). */
  assets: ReadonlySet<string> | null;
}

/** A lexicon that knows nothing: stands in when the library has none, so lookups never crash. */
export function emptyLexicon(): Lexicon {
  return {
    topics: [],
    courtesyTopics: [],
    actionTopics: [],
    relatedTopics: [],
    factTopics: [],
    feeTopics: [],
    concepts: {},
    negation: { before: [], after: [], only: [] },
    particles: [],
    objections: {},
  };
}

export function emptyLibrary(): Library {
  return {
    products: new Map(),
    categories: new Map(),
    phrases: new Map(),
    phrasesByCode: new Map(),
    lexicon: emptyLexicon(),
    rubrics: new Map(),
    buyers: new Map(),
    versions: new Map(),
    files: new Map(),
    course: null,
    corpus: [],
    assets: null,
  };
}

/** The phrase an agent script or the workbench names, by id or by shortcut code. */
export function findPhrase(library: Library, idOrCode: string): LibraryPhrase | undefined {
  return library.phrases.get(idOrCode) ?? library.phrasesByCode.get(idOrCode);
}
