// One left-to-right pass over the normalised text: leftmost-longest spans from the vocabulary, each
// tagged with its clause. Clauses end at punctuation (seen before normalising) and at contrast words.
import { CLAUSE, GAP, isAsciiWordChar, isHan, normaliseWithBreaks } from './normalise.ts';
import { longestMatch } from './term-trie.ts';
import { AFTER, BEFORE, CONTRAST, ONLY, type Vocabulary, type VocabularyEntry } from './vocabulary.ts';
import { cutWords } from './words.ts';

/** A matched span. A mention may overlap the negator before it by one character (没有货). */
export interface Token {
  start: number;
  end: number;
  clause: number;
  entry: VocabularyEntry;
}

export interface Scan {
  text: string;
  /** NFKC source (lower-cased latin) and, per character of `text`, its offset there. */
  source: string;
  origins: Int32Array;
  tokens: Token[];
  /** `clauseEnds[c]`: offset in `text` where clause c ends. */
  clauseEnds: number[];
  /** `wordStarts[i]` is 1 where jieba (or a clause) starts a word in `text`; also 1 at `text.length`. */
  wordStarts: Uint8Array;
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

/** 开不了 · 发不出 · 买不到: the 不 of a "cannot" complement negates, though jieba keeps it inside the word. */
const COMPLEMENTS = new Set([...'了到出成起下动开来去']);
function isPotentialNot(text: string, i: number): boolean {
  return text[i] === '不' && i > 0 && isHan(text.charCodeAt(i - 1)) && COMPLEMENTS.has(text[i + 1] ?? '');
}

/**
 * `starts[i]` is 1 where jieba starts a word. The text is cut in one call (each call crosses into
 * WebAssembly); clause boundaries are word starts whatever jieba made of them.
 */
function wordStarts(text: string, boundaries: Uint8Array): Uint8Array {
  const starts = new Uint8Array(text.length + 1);
  for (const w of cutWords(text)) starts[w.start] = 1;
  for (let i = 0; i <= text.length; i++) if (i === text.length || boundaries[i]! & CLAUSE) starts[i] = 1;
  return starts;
}

/** A little of something, said between a verb and its object: 含一点点酒精 · 掉点色 · 起了一些球. */
const DEGREE_INFIX = /^[有了]?(一点点|一丢丢|一点儿|一点|点儿|一些|少许|少量|微量|点|些)/;
const isFactClaim = (entry: VocabularyEntry) =>
  entry.mentions.some((m) => /^(fact|wrong|opposite):/.test(m.concept));

/**
 * A catalogue term of a verb and its object read across a degree said between them (含一点点酒精 is 含酒精, a
 * little): returns where the span ends, or undefined. Only facts' words: the verb is the term's first character.
 */
function degreeSpan(
  text: string,
  i: number,
  limit: number,
  vocabulary: Vocabulary,
): { end: number; entry: VocabularyEntry } | undefined {
  if (!isHan(text.charCodeAt(i))) return undefined;
  const degree = DEGREE_INFIX.exec(text.slice(i + 1, limit));
  if (!degree) return undefined;
  const from = i + 1 + degree[0].length;
  const joined = text[i]! + text.slice(from, limit);
  const match = longestMatch(vocabulary.trie, joined, 0, joined.length, () => true);
  if (!match || match.end < 2 || !isFactClaim(match.entry)) return undefined;
  return { end: from + match.end - 1, entry: match.entry };
}

export function scan(raw: string, vocabulary: Vocabulary): Scan {
  const { text, boundaries, source, origins } = normaliseWithBreaks(raw);
  const n = text.length;
  const starts = wordStarts(text, boundaries);
  // A Han term may start where jieba starts a word or where the previous term ended (酒红|木有), never
  // inside a word (有的 in 所有的).
  let lastEnd = 0;
  const mayStart = (i: number) =>
    starts[i] === 1 || i === lastEnd || !isHan(text.charCodeAt(i)) || isPotentialNot(text, i);
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
  // A one-character Han term naming a concept must be a whole word: 送 in 送您 · 再送, not in 送到 or 送货.
  const partOfWord = (start: number, m: { end: number; entry: VocabularyEntry }) =>
    m.end - start === 1 &&
    m.entry.mentions.length > 0 &&
    isHan(text.charCodeAt(start)) &&
    starts[m.end] !== 1;

  // jieba keeps a verb with its object (含酒精 · 含防腐剂 are words of its dictionary): a term of two or more
  // characters that is the rest of a word after its first character is read there (不含酒精 denies 酒精), as
  // long as it ends where the word ends (有的 ends past 所有 and stays unread).
  const wordTail = (i: number) => {
    if (i === 0 || starts[i - 1] !== 1 || !isHan(text.charCodeAt(i - 1))) return undefined;
    let wordEnd = i + 1;
    while (starts[wordEnd] !== 1) wordEnd++;
    const tail = longestMatch(vocabulary.trie, text, i, wordEnd, (end) => end === wordEnd);
    return tail && tail.end - i >= 2 && tail.entry.mentions.length > 0 ? tail : undefined;
  };
  let limit = 0;
  for (let i = 0; i < n; ) {
    if (boundaries[i]! & CLAUSE) {
      endClause(i);
      lastEnd = i;
    }
    if (limit <= i) {
      limit = i + 1;
      while (limit < n && !(boundaries[limit]! & CLAUSE)) limit++;
    }
    let match = wordJoinedAt(i)
      ? undefined
      : mayStart(i)
        ? longestMatch(vocabulary.trie, text, i, limit, acceptEnd)
        : wordTail(i);
    if (match && partOfWord(i, match)) match = undefined;
    if (!match && mayStart(i)) match = degreeSpan(text, i, limit, vocabulary);
    if ((match?.end ?? 0) < i + 3 && isAskingForm(text, i, limit)) match = { end: i + 3, entry: A_NOT_A };
    if (!match) {
      clauseHasText = true;
      i++;
      continue;
    }
    if (match.entry.roles & CONTRAST && match.entry.mentions.length === 0) {
      endClause(i);
      i = lastEnd = match.end;
      continue;
    }
    tokens.push({ start: i, end: match.end, clause, entry: match.entry });
    clauseHasText = true;
    i = lastEnd = match.end;
    // 没有货: the negator and 有货 share a character; read both, or 红色没有货 would deny nothing.
    if (match.entry.mentions.length === 0 && match.entry.roles & NEGATORS) {
      const shared = longestMatch(vocabulary.trie, text, i - 1, limit, acceptEnd);
      if (shared && shared.end > i && shared.entry.mentions.length > 0) {
        tokens.push({ start: i - 1, end: shared.end, clause, entry: shared.entry });
        i = lastEnd = shared.end;
      }
    }
  }
  clauseEnds.push(n);
  return { text, source, origins, tokens, clauseEnds, wordStarts: starts };
}
