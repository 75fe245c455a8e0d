// `/` + shortcut code completion: find the `/code` token the caret is in, the phrases it matches, and the
// text after completing it. Pure, so the rules are tested without a DOM.
import type { Phrase } from '@kefu/shared/scenario/schema';

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

/** Exact code first, then codes starting with it, in library order. */
export function matchPhrases(phrases: readonly Phrase[], code: string, limit = 8): Phrase[] {
  const exact = phrases.filter((p) => p.code === code);
  const prefix = phrases.filter((p) => p.code !== code && p.code.startsWith(code));
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
