// The matcher: compiled once per scenario (lexicon + its products), then `analyse` reads one message in a
// single pass — which concepts it names, in which clause, affirmed or denied, and the topics it speaks to.
import type { Lexicon, Product } from '../scenario/schema.ts';
import type { PlacedQuantity } from './fact-numbers.ts';
import { resolvePolarity } from './negation.ts';
import { readQuantities } from './numbers.ts';
import { type Scan, scan } from './scan.ts';
import { buildVocabulary } from './vocabulary.ts';

export interface Mention {
  concept: string;
  /** The term as written in the lexicon or catalogue (the matched text is `normalised.slice(start, end)`). */
  term: string;
  /** UTF-16 offsets into `Analysis.normalised`. */
  start: number;
  end: number;
  /** Clause index, counted from 0 in text order; mentions in the same clause share it. */
  clause: number;
  negated: boolean;
  /** When negated: where the negator that denied it starts in `normalised` (没有红色 → 0). */
  negator?: number;
}

export interface Analysis {
  normalised: string;
  /** The NFKC text, latin lower-cased, with its punctuation (100% · 3-5天 · ？). */
  source: string;
  /** Longest-match, non-overlapping, in text order; a span naming several concepts gives one mention each. */
  mentions: Mention[];
  /** Concepts mentioned at least once not negated. */
  affirmed: Set<string>;
  /** Concepts mentioned at least once negated, and options denied by 只有 another option. */
  negated: Set<string>;
  /** Topics of the affirmed concepts. */
  topics: Set<string>;
  /** Amounts with units (3天 · 1.2kg · 两三天), placed in the normalised text and its clauses. */
  quantities: PlacedQuantity[];
  /** `clauseEnds[c]`: offset in `normalised` where clause c ends. */
  clauseEnds: number[];
  /** `wordStarts[i]` is 1 where a word starts in `normalised` (jieba's cut and clause breaks), and at its end. */
  wordStarts: Uint8Array;
  /** Negators that denied no term: a bare "no" (木有 · 不行) or a denied word the vocabulary does not know. */
  denials: { start: number; end: number; clause: number }[];
}

export interface Matcher {
  analyse(text: string): Analysis;
  conceptTopic(concept: string): string | undefined;
}

export function createMatcher(lexicon: Lexicon, products: readonly Product[]): Matcher {
  const vocabulary = buildVocabulary(lexicon, products);

  const analyse = (text: string): Analysis => {
    const scanned = scan(text, vocabulary);
    const polarity = resolvePolarity(scanned, vocabulary);
    const mentions: Mention[] = [];
    const affirmed = new Set<string>();
    const negated = new Set<string>();
    const topics = new Set<string>();
    scanned.tokens.forEach((token, k) => {
      const isNegated = polarity.negated[k]!;
      const by = polarity.negatedBy[k]!;
      for (const { concept, term } of token.entry.mentions) {
        mentions.push({
          concept,
          term,
          start: token.start,
          end: token.end,
          clause: token.clause,
          negated: isNegated,
          ...(isNegated && by >= 0 && { negator: scanned.tokens[by]!.start }),
        });
        if (isNegated) {
          negated.add(concept);
        } else {
          affirmed.add(concept);
          const topic = vocabulary.topics.get(concept);
          if (topic !== undefined) topics.add(topic);
        }
      }
    });
    for (const { concept } of polarity.implied) negated.add(concept);
    return {
      normalised: scanned.text,
      source: scanned.source,
      mentions,
      affirmed,
      negated,
      topics,
      quantities: placeQuantities(scanned),
      clauseEnds: scanned.clauseEnds,
      wordStarts: scanned.wordStarts,
      denials: polarity.bare.map((k) => {
        const t = scanned.tokens[k]!;
        return { start: t.start, end: t.end, clause: t.clause };
      }),
    };
  };

  return { analyse, conceptTopic: (concept) => vocabulary.topics.get(concept) };
}

/** Reads the amounts of the source and places them in the normalised text (and so in a clause). */
function placeQuantities({ source, origins, text, clauseEnds }: Scan): PlacedQuantity[] {
  const firstAt = (offset: number) => {
    let lo = 0;
    let hi = text.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (origins[mid]! < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return readQuantities(source).map((q) => {
    const at = firstAt(q.start);
    const to = Math.max(at, firstAt(q.end));
    let clause = 0;
    while (clause < clauseEnds.length - 1 && clauseEnds[clause]! <= at) clause++;
    return { ...q, at, to, clause };
  });
}
