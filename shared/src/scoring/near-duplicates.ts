// Finds an agent message nearly the same as an earlier one of the conversation: the text module's
// similarity (character-bigram Dice, multiset, after normalising and stripping particles). Each message is
// normalised once and its bigrams go into an inverted index, so a long chat costs about its length, not n².
import { normalise } from '../text/normalise.ts';
import { stripParticles } from '../text/particles.ts';

/** Shorter texts (好的亲, 在的) are naturally alike; repeating them is not parroting. */
const MIN_COMPARED_CHARS = 6;

export interface NearDuplicate {
  earlierId: string;
  similarity: number;
}

interface Posting {
  message: number;
  count: number;
}

export class NearDuplicateFinder {
  private readonly ids: string[] = [];
  /** Bigram count of each earlier message: the Dice denominator. */
  private readonly sizes: number[] = [];
  private readonly postings = new Map<number, Posting[]>();
  private readonly particles: readonly string[];
  private readonly threshold: number;

  constructor(particles: readonly string[], threshold: number) {
    this.particles = particles;
    this.threshold = threshold;
  }

  /** Remembers the message and returns the most similar earlier message it nearly repeats, if any. */
  add(id: string, text: string): NearDuplicate | null {
    const compared = comparedText(text, this.particles);
    const counts = bigramCounts(compared);
    const size = Math.max(compared.length - 1, 0);
    let found: NearDuplicate | null = null;
    if (Array.from(compared).length >= MIN_COMPARED_CHARS) {
      const shared = new Array<number>(this.ids.length).fill(0);
      for (const [bigram, count] of counts) {
        for (const posting of this.postings.get(bigram) ?? [])
          shared[posting.message]! += Math.min(count, posting.count);
      }
      for (let i = 0; i < shared.length; i++) {
        const dice = (2 * shared[i]!) / (size + this.sizes[i]!);
        if (dice >= this.threshold && (found === null || dice > found.similarity)) {
          found = { earlierId: this.ids[i]!, similarity: dice };
        }
      }
    }
    const message = this.ids.length;
    this.ids.push(id);
    this.sizes.push(size);
    for (const [bigram, count] of counts) {
      const list = this.postings.get(bigram);
      if (list) list.push({ message, count });
      else this.postings.set(bigram, [{ message, count }]);
    }
    return found;
  }
}

/** As the text module compares it: normalised, particles stripped unless nothing would be left. */
function comparedText(text: string, particles: readonly string[]): string {
  const normalised = normalise(text);
  const stripped = stripParticles(normalised, particles);
  return stripped.length > 0 ? stripped : normalised;
}

/** Bigrams of UTF-16 code units, as the text module's Dice counts them. */
function bigramCounts(text: string): Map<number, number> {
  const counts = new Map<number, number>();
  for (let i = 0; i + 1 < text.length; i++) {
    const key = text.charCodeAt(i) * 0x10000 + text.charCodeAt(i + 1);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}
