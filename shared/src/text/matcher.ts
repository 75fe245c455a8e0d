// The matcher: compiled once per scenario (lexicon + its products), then `analyse` reads one message in a
// single pass — which concepts it names, in which clause, affirmed or denied, and the topics it speaks to.
import type { Lexicon, Product } from '../scenario/schema.ts';
import { resolvePolarity } from './negation.ts';
import { scan } from './scan.ts';
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
}

export interface Analysis {
  normalised: string;
  /** Longest-match, non-overlapping, in text order; a span naming several concepts gives one mention each. */
  mentions: Mention[];
  /** Concepts mentioned at least once not negated. */
  affirmed: Set<string>;
  /** Concepts mentioned at least once negated, and options denied by 只有 another option. */
  negated: Set<string>;
  /** Topics of the affirmed concepts. */
  topics: Set<string>;
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
      for (const { concept, term } of token.entry.mentions) {
        mentions.push({
          concept,
          term,
          start: token.start,
          end: token.end,
          clause: token.clause,
          negated: isNegated,
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
    return { normalised: scanned.text, mentions, affirmed, negated, topics };
  };

  return { analyse, conceptTopic: (concept) => vocabulary.topics.get(concept) };
}
