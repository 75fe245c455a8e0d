// Near-duplicate detection (phrase-repeated): character-bigram Dice after normalising and
// stripping particles. Bigrams are counted as a multiset, so repeated characters weigh what they weigh.
import { normalise } from './normalise.ts';
import { stripParticles } from './particles.ts';

/** 2·|shared bigrams| / (|bigrams a| + |bigrams b|); equal strings score 1 even when too short for a bigram. */
export function bigramDice(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length < 2 || b.length < 2) return 0;
  const counts = new Map<number, number>();
  for (let i = 0; i + 1 < a.length; i++) {
    const key = a.charCodeAt(i) * 0x10000 + a.charCodeAt(i + 1);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  let shared = 0;
  for (let i = 0; i + 1 < b.length; i++) {
    const key = b.charCodeAt(i) * 0x10000 + b.charCodeAt(i + 1);
    const left = counts.get(key);
    if (left) {
      shared++;
      counts.set(key, left - 1);
    }
  }
  return (2 * shared) / (a.length - 1 + (b.length - 1));
}

/** The content a message is compared on; a text made only of particles keeps them rather than vanish. */
function comparable(text: string, particles: readonly string[]): string {
  const normalised = normalise(text);
  const stripped = stripParticles(normalised, particles);
  return stripped.length > 0 ? stripped : normalised;
}

/** Similarity of two raw messages, 0..1; a message with no letters or digits (emoji only) resembles nothing. */
export function similarity(a: string, b: string, particles: readonly string[]): number {
  const left = comparable(a, particles);
  const right = comparable(b, particles);
  if (left.length === 0 || right.length === 0) return 0;
  return bigramDice(left, right);
}
