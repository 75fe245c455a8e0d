// Seeded choice: every random decision is a pure function of (seed, what is being decided), so a log replays
// exactly and no decision depends on how many others were made before it.

/** 32-bit FNV-1a of a string. */
function fnv1a(text: string, basis = 0x811c9dc5): number {
  let hash = basis >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** A number in [0, 1) fixed by the seed and the name of the decision. */
export function seededUnit(seed: number, decision: string): number {
  // Mix the seed in, then finish with a murmur-style avalanche so close names give unrelated numbers.
  let h = fnv1a(decision, (0x811c9dc5 ^ Math.imul(seed | 0, 0x9e3779b1)) >>> 0);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  h ^= h >>> 16;
  return (h >>> 0) / 0x1_0000_0000;
}

/** A whole number of milliseconds in [min, max], fixed by the seed and the decision. */
export function seededBetween(seed: number, decision: string, min: number, max: number): number {
  return Math.round(min + seededUnit(seed, decision) * (max - min));
}

export function seededPick<T>(seed: number, decision: string, items: readonly T[]): T {
  const index = Math.min(items.length - 1, Math.floor(seededUnit(seed, decision) * items.length));
  return items[index]!;
}
