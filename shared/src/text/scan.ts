// One left-to-right pass over the normalised text: leftmost-longest spans from the vocabulary, each
// tagged with its clause. Clauses end at punctuation (seen before normalising) and at contrast words.
import { CLAUSE, GAP, isAsciiWordChar, isHan, normaliseWithBreaks } from './normalise.ts';
import { longestMatch } from './term-trie.ts';
import { AFTER, BEFORE, CONTRAST, ONLY, type Vocabulary, type VocabularyEntry } from './vocabulary.ts';

/** A matched span. A mention may overlap the negator before it by one character (没有货). */
export interface Token {
  start: number;
  end: number;
  clause: number;
  entry: VocabularyEntry;
}

export interface Scan {
  text: string;
  tokens: Token[];
  /** `clauseEnds[c]`: offset in `text` where clause c ends. */
  clauseEnds: number[];
}

/** 有没有 · 是不是 · 好不好: a question form, not a negation (A不A / A没A). */
const A_NOT_A: VocabularyEntry = { mentions: [], roles: 0 };
const NEGATORS = BEFORE | AFTER | ONLY;
const NOT = 0x4e0d; // 不
const NOT_HAVE = 0x6ca1; // 没

function isAskingForm(text: string, i: number, limit: number): boolean {
  if (i + 3 > limit) return false;
  const a = text.charCodeAt(i);
  const middle = text.charCodeAt(i + 1);
  return (middle === NOT || middle === NOT_HAVE) && a === text.charCodeAt(i + 2) && isHan(a);
}

export function scan(raw: string, vocabulary: Vocabulary): Scan {
  const { text, boundaries } = normaliseWithBreaks(raw);
  const n = text.length;
  const tokens: Token[] = [];
  const clauseEnds: number[] = [];
  let clause = 0;
  let clauseHasText = false;
  const endClause = (at: number) => {
    if (!clauseHasText) return;
    clauseEnds.push(at);
    clause++;
    clauseHasText = false;
  };
  // A latin/digit term must not start or end inside a latin/digit run: no "m" in "cm", no "xl" in "2xl".
  const wordJoinedAt = (i: number) =>
    i > 0 &&
    i < n &&
    !(boundaries[i]! & GAP) &&
    isAsciiWordChar(text.charCodeAt(i - 1)) &&
    isAsciiWordChar(text.charCodeAt(i));
  const acceptEnd = (end: number) => !wordJoinedAt(end);

  let limit = 0;
  for (let i = 0; i < n; ) {
    if (boundaries[i]! & CLAUSE) endClause(i);
    if (limit <= i) {
      limit = i + 1;
      while (limit < n && !(boundaries[limit]! & CLAUSE)) limit++;
    }
    let match = wordJoinedAt(i) ? undefined : longestMatch(vocabulary.trie, text, i, limit, acceptEnd);
    if ((match?.end ?? 0) < i + 3 && isAskingForm(text, i, limit)) match = { end: i + 3, entry: A_NOT_A };
    if (!match) {
      clauseHasText = true;
      i++;
      continue;
    }
    if (match.entry.roles & CONTRAST && match.entry.mentions.length === 0) {
      endClause(i);
      i = match.end;
      continue;
    }
    tokens.push({ start: i, end: match.end, clause, entry: match.entry });
    clauseHasText = true;
    i = match.end;
    // 没有货: the negator and 有货 share a character; read both, or 红色没有货 would deny nothing.
    if (match.entry.mentions.length === 0 && match.entry.roles & NEGATORS) {
      const shared = longestMatch(vocabulary.trie, text, i - 1, limit, acceptEnd);
      if (shared && shared.end > i && shared.entry.mentions.length > 0) {
        tokens.push({ start: i - 1, end: shared.end, clause, entry: shared.entry });
        i = shared.end;
      }
    }
  }
  clauseEnds.push(n);
  return { text, tokens, clauseEnds };
}
