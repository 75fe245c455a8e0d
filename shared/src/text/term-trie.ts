// A character trie over normalised terms: one walk from a position finds every term starting there,
// so spotting concepts in a message is a single pass (the scorer runs it on every agent message).

export interface TrieNode<E> {
  next: Map<number, TrieNode<E>> | undefined;
  entry: E | undefined;
}

export function createTrie<E>(): TrieNode<E> {
  return { next: undefined, entry: undefined };
}

/** Stores `update(previous)` under `key` (a non-empty normalised term). */
export function insertTerm<E>(root: TrieNode<E>, key: string, update: (previous: E | undefined) => E): void {
  let node = root;
  for (let i = 0; i < key.length; i++) {
    const code = key.charCodeAt(i);
    node.next ??= new Map();
    let child = node.next.get(code);
    if (!child) {
      child = createTrie<E>();
      node.next.set(code, child);
    }
    node = child;
  }
  node.entry = update(node.entry);
}

/**
 * The longest term in `text` starting at `start` and ending at or before `limit` that `accept`s its end.
 * Returns its end offset and entry, or undefined.
 */
export function longestMatch<E>(
  root: TrieNode<E>,
  text: string,
  start: number,
  limit: number,
  accept: (end: number) => boolean,
): { end: number; entry: E } | undefined {
  let node: TrieNode<E> | undefined = root;
  let best: { end: number; entry: E } | undefined;
  for (let i = start; i < limit && node.next; i++) {
    node = node.next.get(text.charCodeAt(i));
    if (!node) break;
    if (node.entry !== undefined && accept(i + 1)) best = { end: i + 1, entry: node.entry };
  }
  return best;
}
