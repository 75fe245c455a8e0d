// Everything the matcher can spot, compiled once per scenario into one trie: lexicon concepts, catalogue
// concepts, negators, 只有-words, contrast words and the non-negating words that shield 不/没.
import type { Lexicon, Product } from '../scenario/schema.ts';
import { catalogueConcepts, factConcept } from './catalogue-concepts.ts';
import { CONTRAST_WORDS, NON_NEGATING_WORDS } from './markers.ts';
import { normalise } from './normalise.ts';
import { createTrie, insertTerm, type TrieNode } from './term-trie.ts';

/** Roles a matched span can play besides naming concepts (bit flags, a span may have several). */
export const BEFORE = 1; // negates the term after it: 没有红色
export const AFTER = 2; // negates the term before it: 红色缺货了
export const ONLY = 4; // 只有 X: the other options of X's fact are absent
export const CONTRAST = 8; // 但是: a new clause starts

export interface ConceptTerm {
  concept: string;
  /** The term as the lexicon or catalogue writes it. */
  term: string;
}

export interface VocabularyEntry {
  /** Concepts named by this span; several when products share a term (two products both in 红色). */
  mentions: ConceptTerm[];
  roles: number;
}

export interface Vocabulary {
  trie: TrieNode<VocabularyEntry>;
  topics: ReadonlyMap<string, string | undefined>;
  /** Option concept → every option concept of the same options fact. */
  optionGroups: ReadonlyMap<string, readonly string[]>;
  particles: readonly string[];
}

export function buildVocabulary(lexicon: Lexicon, products: readonly Product[]): Vocabulary {
  const trie = createTrie<VocabularyEntry>();
  const topics = new Map<string, string | undefined>();
  const optionGroups = new Map<string, readonly string[]>();

  const addRole = (word: string, role: number) => {
    const key = normalise(word);
    if (key.length > 0)
      insertTerm(trie, key, (e) => ({ mentions: e?.mentions ?? [], roles: (e?.roles ?? 0) | role }));
  };
  const addTerm = (concept: string, term: string) => {
    const key = normalise(term);
    if (key.length === 0) return;
    insertTerm(trie, key, (e) => {
      const mentions = e?.mentions ?? [];
      return {
        mentions: mentions.some((m) => m.concept === concept) ? mentions : [...mentions, { concept, term }],
        roles: e?.roles ?? 0,
      };
    });
  };

  // Shields first with no role: a lexicon negator of the same spelling then adds its role on top.
  for (const word of NON_NEGATING_WORDS) addRole(word, 0);
  for (const word of CONTRAST_WORDS) addRole(word, CONTRAST);
  // 没问题 in every colloquial spelling (木有问题 · 没得问题): no problem, nothing denied.
  for (const word of lexicon.negation.before) addRole(`${word}问题`, 0);
  for (const word of lexicon.negation.before) addRole(word, BEFORE);
  for (const word of lexicon.negation.after) addRole(word, AFTER);
  for (const word of lexicon.negation.only) addRole(word, ONLY);

  for (const [concept, { topic, terms }] of Object.entries(lexicon.concepts)) {
    topics.set(concept, topic);
    for (const term of terms) addTerm(concept, term);
  }
  for (const { concept, topic, terms, optionGroup } of catalogueConcepts(products)) {
    topics.set(concept, topic);
    if (optionGroup) optionGroups.set(concept, optionGroup);
    for (const term of terms) for (const spelling of numeralSpellings(term)) addTerm(concept, spelling);
  }
  // 免费换码 · 质量问题包退: a lexicon phrase holding a yes/no fact's term names that fact too, or matching the
  // longest term first would hide 换码 inside 免费换码. Not across a negator (不要运费 is no claim of 运费).
  const yesNoTerms = products.flatMap((product) =>
    Object.entries(product.facts).flatMap(([key, fact]) =>
      fact.kind === 'yesno'
        ? fact.terms.map((t) => ({ concept: factConcept(product.id, key), term: normalise(t) }))
        : [],
    ),
  );
  for (const [concept, { terms }] of Object.entries(lexicon.concepts)) {
    if (COMPLIANCE.has(concept)) continue;
    for (const term of terms) {
      const key = normalise(term);
      if (HOLDS_NEGATOR.test(key)) continue;
      for (const fact of yesNoTerms)
        if (fact.term.length >= 2 && key !== fact.term && key.includes(fact.term))
          addTerm(fact.concept, term);
    }
  }
  return { trie, topics, optionGroups, particles: lexicon.particles };
}

/** Lexicon concepts that flag a reply rather than say what the product is. */
const COMPLIANCE = new Set(['off-platform', 'other-platform', 'banned-claim', 'rude', 'dismissive']);
const HOLDS_NEGATOR = /[不没无未别非]/;

const DIGIT_WORDS = '零一二三四五六七八九';

/** 37 → 三十七 · 10 → 十 · 500 → 五百 · 105 → 一百零五, as shops and buyers write them (1–999). */
export function chineseNumeral(n: number): string {
  const [hundreds, tens, ones] = [Math.floor(n / 100), Math.floor(n / 10) % 10, n % 10];
  let out = hundreds > 0 ? `${DIGIT_WORDS[hundreds]}百` : '';
  if (tens > 0) out += `${hundreds === 0 && tens === 1 ? '' : DIGIT_WORDS[tens]}十`;
  else if (hundreds > 0 && ones > 0) out += '零';
  if (ones > 0) out += DIGIT_WORDS[ones];
  return out;
}

/** 316 → 三一六 · 304 → 三零四: a three-figure model number read figure by figure, as 316不锈钢 is said. */
const byFigure = (figures: string) => [...figures].map((d) => DIGIT_WORDS[Number(d)]).join('');

/**
 * A catalogue term with a whole number in it, also in Chinese numerals (37码 → 三十七码 · 10斤装 → 十斤装, 2 as
 * 二 and 两; three figures also figure by figure, 316 → 三一六); decimals and long numbers (2.0米 · 2025) stay
 * as written.
 */
function numeralSpellings(term: string): string[] {
  const match = /(?<![\d.])([1-9]\d{0,2})(?![\d.])/.exec(term);
  if (!match) return [term];
  const n = Number(match[1]);
  const words = n === 2 ? ['二', '两'] : [chineseNumeral(n)];
  if (n >= 100) words.push(byFigure(match[1]!));
  const at = match.index;
  const spelled = words.map((w) => term.slice(0, at) + w + term.slice(at + match[1]!.length));
  // A lone 五 or 两 is too common a word to name anything.
  return [term, ...spelled.filter((w) => w.length > 1)];
}
