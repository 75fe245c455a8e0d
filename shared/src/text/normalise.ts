// Text normalisation for offline matching: NFKC, lower case, only letters and digits kept.
// The clause-aware variant also says where punctuation cut the text, so negation can be scoped per clause.

/** Flags per offset of the normalised text (length + 1): what was removed just before that character. */
export const GAP = 1; // something (a space, a symbol) stood here: a word boundary for latin terms
export const CLAUSE = 2; // clause punctuation, an emoji or a space between two Han characters stood here

export interface NormalisedText {
  /** Letters and digits only, lower-cased, after NFKC. */
  text: string;
  /** `boundaries[i]` holds GAP and/or CLAUSE for the removed characters just before `text[i]`. */
  boundaries: Uint8Array;
  /** The NFKC form of the input, lower-cased (numbers are read there: 1.5 · 3-5 · 90% keep their marks). */
  source: string;
  /** `origins[i]`: offset in `source` of `text[i]`; `origins[text.length]` is `source.length`. */
  origins: Int32Array;
}

/** Clause punctuation after NFKC (full-width ，！？；：～ have become ASCII; 。 and … survive or expand). */
const CLAUSE_PUNCTUATION = new Set([',', '.', '!', '?', ';', ':', '~', '\n', '\r', '。', '〜', '¡', '¿']);
/** Between two digits these are number formatting (1,000 · 3.5 · 10:30), not a clause break. */
const DIGIT_SEPARATORS = new Set([',', '.', ':']);

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const PICTOGRAPH = /\p{Extended_Pictographic}/u;
const SPACE = /\s/u;

const KEYCAP = 0x20e3;
const VARIATION_SELECTOR = 0xfe0f;

export function isHan(cp: number): boolean {
  return (
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0x20000 && cp <= 0x3134f)
  );
}

/** Latin letters and ASCII digits: terms made of them must not match inside a longer word (S in XS, m in cm). */
export function isAsciiWordChar(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39);
}

/** One character's fate: kept, a clause break, a space, or silently dropped (quotes, 、, symbols, marks). */
type CharClass = 'keep' | 'break' | 'space' | 'drop';

function classify(ch: string, cp: number): CharClass {
  if (cp < 0x80) {
    if ((cp >= 0x61 && cp <= 0x7a) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x30 && cp <= 0x39)) return 'keep';
    if (CLAUSE_PUNCTUATION.has(ch)) return 'break';
    return cp === 0x20 || cp === 0x09 || cp === 0x0b || cp === 0x0c ? 'space' : 'drop';
  }
  if (isHan(cp)) return 'keep';
  if (CLAUSE_PUNCTUATION.has(ch)) return 'break';
  if (LETTER_OR_DIGIT.test(ch)) return 'keep';
  // An emoji usually closes a thought: "有的哦😊红色没货了" is two clauses.
  if (PICTOGRAPH.test(ch)) return 'break';
  return SPACE.test(ch) ? 'space' : 'drop';
}

/** A digit, # or * followed by the keycap mark is an emoji (1️⃣), not a digit. */
function isKeycapBase(source: string, i: number): boolean {
  const next = source.charCodeAt(i + 1);
  return next === KEYCAP || (next === VARIATION_SELECTOR && source.charCodeAt(i + 2) === KEYCAP);
}

/** Lower case that stays letters only: 'İ' lower-cases to i + a combining dot, which is dropped. */
function lowerLetters(ch: string): string {
  const lower = ch.toLowerCase();
  if (lower === ch || lower.length === ch.length) return lower;
  let kept = '';
  for (const c of lower) if (LETTER_OR_DIGIT.test(c)) kept += c;
  return kept;
}

export function normaliseWithBreaks(raw: string): NormalisedText {
  const source = raw.normalize('NFKC');
  let text = '';
  const gaps: number[] = [];
  const breaks: number[] = [];
  let removed = false;
  // What stood between the previous kept character and the next one decides whether a clause ends there.
  let pendingBreak = false;
  let pendingSpace = false;
  let pendingDigitSeparator = false;
  let previousKept = -1;
  const origins: number[] = [];

  for (let i = 0; i < source.length; ) {
    const cp = source.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    i += ch.length;
    let cls = classify(ch, cp);
    if (cls === 'keep' && cp < 0x80 && isKeycapBase(source, i - 1)) cls = 'break';

    if (cls === 'keep') {
      const isDigit = cp >= 0x30 && cp <= 0x39;
      const breakHere =
        pendingBreak ||
        (pendingDigitSeparator && !isDigit) ||
        (pendingSpace && isHan(previousKept) && isHan(cp));
      if (breakHere && text.length > 0) breaks.push(text.length);
      if (removed && text.length > 0) gaps.push(text.length);
      pendingBreak = pendingSpace = pendingDigitSeparator = removed = false;
      const kept = cp < 0x80 ? ch.toLowerCase() : lowerLetters(ch);
      for (let k = 0; k < kept.length; k++) origins.push(i - ch.length);
      text += kept;
      previousKept = cp;
    } else {
      removed = true;
    }
    if (cls === 'break') {
      const betweenDigits =
        DIGIT_SEPARATORS.has(ch) &&
        previousKept >= 0x30 &&
        previousKept <= 0x39 &&
        !pendingBreak &&
        !pendingSpace;
      if (betweenDigits && !pendingDigitSeparator) pendingDigitSeparator = true;
      else pendingBreak = true;
    } else if (cls === 'space') {
      pendingSpace = true;
    }
  }
  const boundaries = new Uint8Array(text.length + 1);
  for (const at of gaps) boundaries[at] = GAP;
  for (const at of breaks) boundaries[at] = GAP | CLAUSE;
  origins.push(source.length);
  return {
    text,
    boundaries,
    source: source.replace(/[A-Z]+/g, (m) => m.toLowerCase()),
    origins: Int32Array.from(origins),
  };
}

/** NFKC, lower case; whitespace, punctuation (ASCII and CJK) and emoji removed; CJK, letters and digits kept. */
export function normalise(text: string): string {
  return normaliseWithBreaks(text).text;
}
