// The loaded scenario library: everything the shopper machine, scoring and the CLI look up by id.
import type { BuyerScenario, Lexicon, Phrase, Product, Rubric } from './schema.ts';

/** A quick phrase with the group and phrase library it came from. */
export type LibraryPhrase = Phrase & { group: string; library: string };

export interface Library {
  products: Map<string, Product>;
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
}

/** A lexicon that knows nothing: stands in when the library has none, so lookups never crash. */
export function emptyLexicon(): Lexicon {
  return {
    topics: [],
    courtesyTopics: [],
    concepts: {},
    negation: { before: [], after: [], only: [] },
    particles: [],
    objections: {},
  };
}

export function emptyLibrary(): Library {
  return {
    products: new Map(),
    phrases: new Map(),
    phrasesByCode: new Map(),
    lexicon: emptyLexicon(),
    rubrics: new Map(),
    buyers: new Map(),
    versions: new Map(),
    files: new Map(),
  };
}

/** The phrase an agent script or the workbench names, by id or by shortcut code. */
export function findPhrase(library: Library, idOrCode: string): LibraryPhrase | undefined {
  return library.phrases.get(idOrCode) ?? library.phrasesByCode.get(idOrCode);
}
