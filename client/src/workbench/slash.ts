// `/` + shortcut code completion: find the `/code` token the caret is in, the phrases it matches, and the
// text after completing it. Pure, so the rules are tested without a DOM.
import type { Phrase, Product } from '@kefu/shared/scenario/schema';
import type { PhraseGroupView } from '../stores/catalog.ts';

export interface SlashToken {
  start: number;
  end: number;
  code: string;
}

/** The `/code` right before the caret, at the start of the text or after whitespace. */
export function findSlashToken(text: string, caret: number): SlashToken | null {
  const before = text.slice(0, caret);
  const match = /(^|\s)\/([a-z0-9]{0,12})$/i.exec(before);
  if (!match) return null;
  const code = match[2] ?? '';
  return { start: caret - code.length - 1, end: caret, code: code.toLowerCase() };
}

/** How near a phrase is to the conversation at hand: higher is offered first. */
export const RELEVANCE = { product: 3, category: 2, general: 1, otherProduct: 0 } as const;
/** Phrase id → its RELEVANCE for one conversation; a phrase missing from it counts as general. */
export type PhraseRelevance = ReadonlyMap<string, number>;

/** The words a product is called by (its name and aliases, two characters or more). */
function wordsOf(product: Product): string[] {
  return [product.name, ...product.aliases].filter((w) => w.length >= 2);
}

/**
 * Each phrase's relevance to a conversation about `productIds`: one that names one of its products (in its
 * group's name, title or text) first, then one naming another product of the same category, then the
 * shop's general phrases (naming no product), and last those about other products. A phrase naming none in a
 * group that mostly names the same kind goes with its group. Computed once per conversation (and catalogue), never per keystroke.
 */
export function phraseRelevance(
  groups: readonly PhraseGroupView[],
  products: Readonly<Record<string, Product>>,
  productIds: readonly string[],
): Map<string, number> {
  const own = productIds.map((id) => products[id]).filter((p): p is Product => p !== undefined);
  const categories = new Set(own.map((p) => p.category));
  const all = Object.values(products);
  const ownWords = own.flatMap(wordsOf);
  const categoryWords = all.filter((p) => categories.has(p.category)).flatMap(wordsOf);
  const anyWords = all.flatMap(wordsOf);
  const relevance = new Map<string, number>();
  for (const group of groups) {
    const own = group.phrases.map((phrase) => {
      const text = `${group.name}\n${phrase.title ?? ''}\n${phrase.text}`;
      const names = (words: readonly string[]) => words.some((w) => text.includes(w));
      return names(ownWords)
        ? RELEVANCE.product
        : names(categoryWords)
          ? RELEVANCE.category
          : names(anyWords)
            ? RELEVANCE.otherProduct
            : null;
    });
    // A group whose phrases mostly name products of one kind is about them: its other phrases (坏果包赔
    // among the oranges') go with it rather than with the shop's general ones.
    const named = own.filter((rank) => rank !== null);
    const agreed = named.every((rank) => rank === named[0]);
    const groupRank = agreed && named.length * 2 > own.length ? named[0]! : RELEVANCE.general;
    group.phrases.forEach((phrase, i) => {
      relevance.set(phrase.id, own[i] ?? groupRank);
    });
  }
  return relevance;
}

/**
 * Exact code first, then codes starting with it: the conversation's most relevant first (see phraseRelevance),
 * library order among equals.
 */
export function matchPhrases(
  phrases: readonly Phrase[],
  code: string,
  limit = 8,
  relevance: PhraseRelevance = new Map(),
): Phrase[] {
  const exact = phrases.filter((p) => p.code === code);
  const rank = (p: Phrase) => relevance.get(p.id) ?? RELEVANCE.general;
  // Array.prototype.sort is stable: equals keep the library's order.
  const prefix = phrases
    .filter((p) => p.code !== code && p.code.startsWith(code))
    .sort((a, b) => rank(b) - rank(a));
  return [...exact, ...prefix].slice(0, limit);
}

/** The text with the `/code` token replaced by the phrase's text (its variables already filled in). */
export function completeSlash(
  text: string,
  token: SlashToken,
  phraseText: string,
): { text: string; caret: number } {
  const next = text.slice(0, token.start) + phraseText + text.slice(token.end);
  return { text: next, caret: token.start + phraseText.length };
}

/** Search the panel: title, text or code, case-insensitive. */
export function phraseMatches(phrase: Phrase, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  return (
    phrase.code.includes(q.replace(/^\//, '')) ||
    (phrase.title ?? '').toLowerCase().includes(q) ||
    phrase.text.toLowerCase().includes(q)
  );
}
