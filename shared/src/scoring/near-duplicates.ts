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
  const counts = new Map<number, number>();
  /** Each distinct compared text, first sender first: a verbatim repeat needs no search and no indexing. */
  const firstSent = new Map<string, number>();

  messages.forEach((message, position) => {
    const compared = comparedText(message.text, particles);
    const eligible = Array.from(compared).length >= MIN_COMPARED_CHARS;
    const verbatim = firstSent.get(compared);
    if (verbatim !== undefined) {
      // Identical to an earlier text: Dice 1, and any later match with it matches the earlier one equally.
      if (eligible) found.set(message.id, { earlierId: messages[verbatim]!.id, similarity: 1 });
      return;
    }
    firstSent.set(compared, position);
    const size = Math.max(compared.length - 1, 0);
    sizes[position] = size;
    counts.clear();
    // Bigrams of UTF-16 code units, as the text module's Dice counts them.
    for (let i = 0; i + 1 < compared.length; i++) {
      const bigram = compared.charCodeAt(i) * 0x10000 + compared.charCodeAt(i + 1);
      let dense = denseIds.get(bigram);
      if (dense === undefined) {
        dense = postings.length;
        denseIds.set(bigram, dense);
        postings.push([]);
      }
      counts.set(dense, (counts.get(dense) ?? 0) + 1);
    }

    if (position > 0 && eligible) {
      shared.fill(0, 0, position);
      for (const [dense, count] of counts) {
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

    for (const [dense, count] of counts) postings[dense]!.push(position, count);
  });
  return found;
}

/** As the text module compares it: normalised, particles stripped unless nothing would be left. */
function comparedText(text: string, particles: readonly string[]): string {
  const normalised = normalise(text);
  const stripped = stripParticles(normalised, particles);
  return stripped.length > 0 ? stripped : normalised;
}
