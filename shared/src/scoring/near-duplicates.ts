// Finds agent messages nearly the same as an earlier one of the conversation: the text module's similarity
// (character-bigram Dice, multiset, after normalising and stripping particles). Each message is normalised
// once and its bigrams go into an inverted index; one sweep over the index tallies the bigrams a message
// shares with every earlier one, so no pair is ever compared character by character.
import { normalise } from '../text/normalise.ts';
import { stripParticles } from '../text/particles.ts';

/** Shorter texts (好的亲, 在的) are naturally alike; repeating them is not parroting. */
const MIN_COMPARED_CHARS = 6;

export interface NearDuplicate {
  earlierId: string;
  similarity: number;
}

/**
 * For each message (in conversation order) that nearly repeats an earlier one, the most similar earlier
 * message. Equivalent to comparing every pair with `similarity(a, b, particles) >= threshold`.
 */
export function findNearDuplicates(
  messages: readonly { id: string; text: string }[],
  particles: readonly string[],
  threshold: number,
): Map<string, NearDuplicate> {
  const found = new Map<string, NearDuplicate>();
  const denseIds = new Map<number, number>();
  /** Per bigram (dense id): flat pairs of (earlier message, occurrences in it). */
  const postings: number[][] = [];
  const sizes = new Int32Array(messages.length);
  const shared = new Int32Array(messages.length);
  // This message's bigram counts by dense id, and the ids it touched (reset after each message): flat
  // arrays rather than a Map, as this loop runs for every bigram of every message of every report.
  let countOf = new Int32Array(256);
  const touched: number[] = [];
  /** Each distinct compared text, first sender first: a verbatim repeat needs no search and no indexing. */
  const firstSent = new Map<string, number>();
  const compare = comparedTexts(particles);

  for (let position = 0; position < messages.length; position++) {
    const message = messages[position]!;
    const { text: compared, eligible } = compare(message.text);
    const verbatim = firstSent.get(compared);
    if (verbatim !== undefined) {
      // Identical to an earlier text: Dice 1, and any later match with it matches the earlier one equally.
      if (eligible) found.set(message.id, { earlierId: messages[verbatim]!.id, similarity: 1 });
      continue;
    }
    firstSent.set(compared, position);
    const size = Math.max(compared.length - 1, 0);
    sizes[position] = size;
    touched.length = 0;
    // Bigrams of UTF-16 code units, as the text module's Dice counts them.
    for (let i = 0; i + 1 < compared.length; i++) {
      const bigram = compared.charCodeAt(i) * 0x10000 + compared.charCodeAt(i + 1);
      let dense = denseIds.get(bigram);
      if (dense === undefined) {
        dense = postings.length;
        denseIds.set(bigram, dense);
        postings.push([]);
        if (dense >= countOf.length) {
          const grown = new Int32Array(countOf.length * 2);
          grown.set(countOf);
          countOf = grown;
        }
      }
      if (countOf[dense] === 0) touched.push(dense);
      countOf[dense]!++;
    }

    if (position > 0 && eligible) {
      shared.fill(0, 0, position);
      for (let t = 0; t < touched.length; t++) {
        const dense = touched[t]!;
        const count = countOf[dense]!;
        const list = postings[dense]!;
        for (let k = 0; k < list.length; k += 2) {
          const theirs = list[k + 1]!;
          shared[list[k]!]! += Math.min(count, theirs);
        }
      }
      let best = -1;
      let bestAt = -1;
      for (let i = 0; i < position; i++) {
        const dice = (2 * shared[i]!) / (size + sizes[i]!);
        if (dice >= threshold && dice > best) {
          best = dice;
          bestAt = i;
        }
      }
      if (bestAt >= 0) found.set(message.id, { earlierId: messages[bestAt]!.id, similarity: best });
    }

    for (let t = 0; t < touched.length; t++) {
      const dense = touched[t]!;
      postings[dense]!.push(position, countOf[dense]!);
      countOf[dense] = 0;
    }
  }
  return found;
}

interface Compared {
  /** As the text module compares it: normalised, particles stripped unless nothing would be left. */
  text: string;
  /** Long enough to count as parroting. */
  eligible: boolean;
}

// Scoring a class reads the same agent texts again and again (every report, every rescore), and normalising
// is most of the near-duplicate search: the compared form is memoised per particle list and text. The memo
// is a pure function's cache (the same text always gives the same entry), bounded so a long-running server
// does not keep every text it has ever scored.
const MEMO_LIMIT = 20_000;
const memos = new WeakMap<readonly string[], Map<string, Compared>>();

function comparedTexts(particles: readonly string[]): (text: string) => Compared {
  let memo = memos.get(particles);
  if (memo === undefined) {
    memo = new Map();
    memos.set(particles, memo);
  }
  const cache = memo;
  return (text) => {
    let entry = cache.get(text);
    if (entry === undefined) {
      if (cache.size >= MEMO_LIMIT) cache.clear();
      const normalised = normalise(text);
      const stripped = stripParticles(normalised, particles);
      const compared = stripped.length > 0 ? stripped : normalised;
      entry = { text: compared, eligible: Array.from(compared).length >= MIN_COMPARED_CHARS };
      cache.set(text, entry);
    }
    return entry;
  };
}
