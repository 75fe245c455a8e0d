// What a scenario's proof reads of the library, named by content. A proof plays the scenario's own scripts
// against its products (with their categories' facts), the quick phrases its scripts send, the lexicon and the
// default rubric — nothing else. So a catalogue change can only alter the proofs of the scenarios whose key it
// changes: a product file those that name the product, a category file those of its products, a phrase file
// those that send its phrases, the lexicon (read by every judgement) all of them. The dependencies are read
// from the parsed library, never listed by hand: every name a scenario holds (anywhere in it, fact refs split
// at their dots) that is a product, category or phrase of the library, and what those name in turn. A name
// that resolves in one library and not in the other changes the key too, so an added product is seen.
import { contentHash } from '../scenario/content-hash.ts';
import type { Library } from '../scenario/library.ts';

/** Bumped when what a proof reads changes shape: keys made before never match keys made after. */
const KEY_FORMAT = 'proof-key/1';

/** Every string in `value` (keys too), and each part of a dotted one (`down-jacket.colour.黑色`). */
function collectNames(value: unknown, into: Set<string>): void {
  if (typeof value === 'string') {
    into.add(value);
    if (value.includes('.')) for (const part of value.split('.')) into.add(part);
  } else if (Array.isArray(value)) {
    for (const item of value) collectNames(item, into);
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      into.add(key);
      collectNames(item, into);
    }
  }
}

const hashOf = (value: unknown) => contentHash(JSON.stringify(value ?? null));

/**
 * Each scenario's proof key in `library`: equal keys in two libraries mean the scenario proves the same in
 * both (same judge code). Pure; hashes each product, category and phrase once.
 */
export function proofKeys(library: Library): Map<string, string> {
  const shared = hashOf([library.lexicon, library.rubrics.get('default')]);
  const entries = new Map<string, string | null>();
  /** `name` as the library resolves it: each kind it names, with that entry's content; null when none. */
  const entryOf = (name: string): string | null => {
    let known = entries.get(name);
    if (known !== undefined) return known;
    const parts: string[] = [];
    const product = library.products.get(name);
    const category = library.categories.get(name);
    const phrase = library.phrases.get(name);
    const byCode = library.phrasesByCode.get(name);
    if (product) parts.push(`product:${hashOf(product)}`);
    if (category) parts.push(`category:${hashOf(category)}`);
    if (phrase) parts.push(`phrase:${hashOf(phrase)}`);
    if (byCode) parts.push(`code:${hashOf(byCode)}`);
    known = parts.length === 0 ? null : parts.join(' ');
    entries.set(name, known);
    return known;
  };
  const referenced = (from: unknown): Map<string, string> => {
    const found = new Map<string, string>();
    const pending: unknown[] = [from];
    while (pending.length > 0) {
      const names = new Set<string>();
      collectNames(pending.pop(), names);
      for (const name of names) {
        if (found.has(name)) continue;
        const entry = entryOf(name);
        if (entry === null) continue;
        found.set(name, entry);
        // What a product, category or phrase names in turn (a product's category).
        pending.push(
          library.products.get(name),
          library.categories.get(name),
          library.phrases.get(name),
          library.phrasesByCode.get(name),
        );
      }
    }
    return found;
  };

  const keys = new Map<string, string>();
  for (const [id, scenario] of library.buyers) {
    const deps = [...referenced(scenario)].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const lines = [KEY_FORMAT, shared, hashOf(scenario), ...deps.map(([name, entry]) => `${name}=${entry}`)];
    keys.set(id, contentHash(lines.join('\n')));
  }
  return keys;
}

/**
 * The scenarios of `before` whose proof `after` can change, in id order: their key differs, or they are no
 * longer in `after` (their file stopped loading).
 */
export function scenariosAffected(before: Library, after: Library): string[] {
  const was = proofKeys(before);
  const now = proofKeys(after);
  return [...was.keys()].filter((id) => now.get(id) !== was.get(id)).sort();
}
