// Offline text matching: normalisation, concept spotting with clause-scoped negation,
// catalogue fact verdicts and near-duplicate similarity. Pure: no I/O, no clocks.
export {
  catalogueConcepts,
  factConcept,
  optionConcept,
  productConcept,
  wrongConcept,
} from './catalogue-concepts.ts';
export { conditionSpellings, conditionWords } from './cut-off.ts';
export { type FactRefError, parseFactRef, type ResolvedFact } from './fact-ref.ts';
export { type FactVerdict, findContradictions, judgeFact, resolveFactRef } from './judge-fact.ts';
export { IN_STOCK_CONCEPT } from './markers.ts';
export { type Analysis, createMatcher, type Matcher, type Mention } from './matcher.ts';
export { normalise } from './normalise.ts';
export { stripParticles } from './particles.ts';
export { bigramDice, similarity } from './similarity.ts';
export {
  cutWords,
  loadSegmenter,
  SegmenterNotLoadedError,
  segmenterReady,
  type TaggedWord,
  tagWords,
  type Word,
} from './words.ts';
