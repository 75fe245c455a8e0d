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
      quantities: claimedQuantities(
        placeQuantities(scanned),
        mentions,
        scanned.clauseEnds,
        [
          ...polarity.bare.map((k) => scanned.tokens[k]!.start),
          ...mentions.filter((m) => m.negator !== undefined).map((m) => m.negator!),
        ],
        scanned.text,
      ),
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

/** What a term may hold besides its amount and still be that amount (一周内 · 3天左右). */
const BOUND_WORDS = /^(以内|之内|内|左右|以上|以下|多|约|大约|大概)*$/;
/** How far after an amount a negator denies it: 明天到不了 · 48小时内发不了. */
const DENIED_AFTER = 2;

/**
 * The amounts the reply claims: not those inside a longer term (七天无理由 · 充10分钟) or naming an option (十斤
 * for 10斤装; a term that is just the amount, 一周内, is still one), nor those a
 * negator right after denies (明天到不了，一般2到4天). A side of a size (两米乘两米三) is always a claim.
 */
function claimedQuantities(
  quantities: PlacedQuantity[],
  mentions: readonly Mention[],
  clauseEnds: readonly number[],
  negators: readonly number[],
  normalised: string,
): PlacedQuantity[] {
  const rest = (m: Mention, q: PlacedQuantity) =>
    normalised.slice(m.start, q.at) + normalised.slice(q.to, m.end);
  const deniedAfter = (q: PlacedQuantity) =>
    negators.some(
      (at) => at >= q.to && at - q.to <= DENIED_AFTER && !clauseEnds.some((e) => e >= q.to && e <= at),
    );
  return quantities.filter(
    (q) =>
      q.side ||
      (!mentions.some(
        (m) =>
          m.start <= q.at &&
          q.to <= m.end &&
          (m.concept.startsWith('option:') || !BOUND_WORDS.test(rest(m, q))),
      ) &&
        !deniedAfter(q)),
  );
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
