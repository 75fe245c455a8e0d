// Polarity per clause: a negator shortly before a term (没有红色), a negating phrase after it
// (红色暂时缺货了), 只有 X (the other options of X's fact are absent). Polarity is a parity of flips, so
// 不是没有红色 reads as affirmed and 不缺货 cancels itself.

import {
  IN_STOCK_CONCEPT,
  LIST_CONNECTORS,
  MAX_AFTER_GAP,
  MAX_BEFORE_GAP,
  STOCK_NOUNS,
  YES_ANSWER_CONCEPT,
} from './markers.ts';
import { stripParticles } from './particles.ts';
import type { Scan, Token } from './scan.ts';
import { AFTER, BEFORE, ONLY, type Vocabulary } from './vocabulary.ts';

export interface Polarity {
  /** Per token of the scan: true when the clause denies it. */
  negated: boolean[];
  /** Options never written but denied by 只有 another option, with the clause that denies them. */
  implied: { concept: string; clause: number }[];
  /** Negators that denied no term: a bare "no" (木有 · 不行 · 没加) or the denial of a word not in the vocabulary. */
  bare: number[];
  /** Per token: the negator token that last flipped it, or -1. */
  negatedBy: Int32Array;
}

const isMention = (t: Token) => t.entry.mentions.length > 0;
const isShield = (t: Token) => t.entry.mentions.length === 0 && t.entry.roles === 0;
/** Options and products form lists (红色和蓝色); a negator reaches every item of such a list. */
const isListItem = (t: Token) =>
  t.entry.mentions.some((m) => m.concept.startsWith('option:') || m.concept.startsWith('product:'));
const isOption = (t: Token) => t.entry.mentions.some((m) => m.concept.startsWith('option:'));

function connects(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!LIST_CONNECTORS.has(text[i]!)) return false;
  return to - from <= 2;
}

/** Contrast words that set a reservation against what was just said (不过 · 但是), not a new topic (另外). */
const BUT = /^(但是|但|不过|可是|只是)/;
/** A clause saying the goods are out for now: 暂时没有 · 现在没货 · 目前缺货 (not 以后都没有了: discontinued). */
const STOCK_NOW = /^(现在|目前|暂时|暂)/;
/** Negators that can only mean "out of stock" (缺货 · 没货 · 卖断了), whatever stands before them. */
const OUT_OF_STOCK = /^(暂时)?(缺货|没货|断货|售罄|卖完|卖光|卖空|售空|卖断|无货|断码|断了|缺码|卖没|没库存)/;
/** What may stand before such a negator in its clause: only when (暂时没货 · 现在都缺货). */
const NOW_ONLY = /^(现在|目前|暂时|暂|都|也)*$/;

/**
 * What may follow a negator that closes its clause: nothing, a modal and one verb (不能戴 · 不适合), or the
 * goods themselves (没得货 · 无库存 · 暂时没存货: a denial of stock however the 没 is spelled).
 */
const CLOSING = new RegExp(`^((能|可以|可|建议|推荐|适合)\\p{Script=Han}?|${STOCK_NOUNS.join('|')})?$`, 'u');

/**
 * 码不对可以换 · 不用担心可以退: between a negator and a term that opens with a modal, a word of its own
 * (对 · 用担心) is what the negator denies: the modal starts a new predicate it does not reach. Adverbs
 * (不一定可以退 · 不是可以换 · 不在包邮范围) leave the term in reach.
 */
const MODAL_TERM = /^(可以|能|可|包|支持|免费|随时)/;
const ADVERBS_ONLY = /^(一定|都|也|再|太|很|那么|怎么|特别|非常|完全|真的|真|会|就|还|是|在)*$/;

export function resolvePolarity({ text, tokens, clauseEnds }: Scan, vocabulary: Vocabulary): Polarity {
  const flips = new Uint8Array(tokens.length);

  const neighbour = (k: number, step: 1 | -1, skipNegators: boolean): number => {
    const clause = tokens[k]!.clause;
    for (let j = k + step; j >= 0 && j < tokens.length; j += step) {
      const t = tokens[j]!;
      if (t.clause !== clause) return -1;
      if (isShield(t) || (skipNegators && !isMention(t) && t.entry.roles & BEFORE)) continue;
      return j;
    }
    return -1;
  };
  /** Flips a term and the list it heads: 没有红色和蓝色 / 红色和蓝色都卖完了. */
  const negatedBy = new Int32Array(tokens.length).fill(-1);
  let negator = -1;
  const flipList = (k: number, step: 1 | -1) => {
    flips[k]! ^= 1;
    negatedBy[k] = negator;
    for (let j = k; isListItem(tokens[j]!); ) {
      const next = j + step;
      const t = tokens[next];
      if (!t || t.clause !== tokens[j]!.clause || !isListItem(t)) return;
      const [from, to] = step === 1 ? [tokens[j]!.end, t.start] : [t.end, tokens[j]!.start];
      if (!connects(text, from, to)) return;
      flips[next]! ^= 1;
      negatedBy[next] = negator;
      j = next;
    }
  };
  /** A negating phrase after a term reaches the nearest term before it in the clause. */
  const used = new Uint8Array(tokens.length);
  const negateBackwards = (k: number) => {
    const p = neighbour(k, -1, true);
    if (p >= 0 && isMention(tokens[p]!) && tokens[k]!.start - tokens[p]!.end <= MAX_AFTER_GAP) {
      negator = negatedBy[k]! >= 0 ? negatedBy[k]! : k;
      flipList(p, -1);
      used[k] = 1;
    }
  };

  // Negators before a term, right to left so 不是 can lean on the 没有 after it.
  const target = new Int32Array(tokens.length).fill(-1);
  const cancelled = new Uint8Array(tokens.length);
  const afterPoints: number[] = [];
  for (let k = tokens.length - 1; k >= 0; k--) {
    const t = tokens[k]!;
    if (!(t.entry.roles & BEFORE)) continue;
    const j = neighbour(k, 1, false);
    const u = tokens[j];
    const gap = u ? u.start - t.end : Number.POSITIVE_INFINITY;
    const ownPredicate =
      u !== undefined &&
      MODAL_TERM.test(text.slice(u.start, u.end)) &&
      !ADVERBS_ONLY.test(text.slice(t.end, u.start));
    if (u && isMention(u) && gap <= MAX_BEFORE_GAP && !ownPredicate) target[k] = j;
    // 不是没有红色 · 不会没有的: a negator on a negator, with at most adverbs between, flips it back; 无香无荧光剂
    // denies a word of its own (香) before the next negator starts over.
    else if (
      u &&
      u.entry.roles & BEFORE &&
      gap <= MAX_BEFORE_GAP &&
      ADVERBS_ONLY.test(text.slice(t.end, u.start))
    )
      target[k] = target[j]!;
    else if (u && u.entry.roles & AFTER && gap <= 1) {
      cancelled[j] = 1; // 不缺货 · 不会卖完
      used[k] = used[j] = 1;
    }
    // 红色没有了 / 红色的没有哦 / 游泳不能戴哦: the negator (with a modal and its verb) closes the clause;
    // 暂时没有 is listed as both and may close any.
    else if (
      t.entry.roles & AFTER ||
      (!u && CLOSING.test(stripParticles(text.slice(t.end, clauseEnds[t.clause]), vocabulary.particles)))
    )
      afterPoints.push(k);
  }
  for (let k = 0; k < tokens.length; k++)
    if (target[k]! >= 0) {
      negator = k;
      flipList(target[k]!, 1);
      used[k] = 1;
    }

  for (let k = 0; k < tokens.length; k++)
    if (tokens[k]!.entry.roles & AFTER && !cancelled[k] && !(tokens[k]!.entry.roles & BEFORE))
      afterPoints.push(k);
  for (const k of afterPoints) negateBackwards(k);

  // 90码合适，不过现在缺货 · 44码卖断了，暂时没有 · XXL在路上了 暂时没货: a denial that closes a clause naming
  // nothing, opened by "but" or saying that the goods are out now, is about the option the clause before it
  // named (the clause break left the denial nothing to reach). 红色的，以后都没有了 may say something else.
  // A denial: a negator (afterPoints) or a negator with the bare 有/有货 it took as its term (暂时没有哦).
  const denialsNamingNothing: { k: number; start: number; end: number }[] = [];
  for (const k of afterPoints)
    if (!used[k] && !tokens.some((u) => u.clause === tokens[k]!.clause && isMention(u)))
      denialsNamingNothing.push({ k, start: tokens[k]!.start, end: tokens[k]!.end });
  for (let j = 0; j < tokens.length; j++) {
    const n = negatedBy[j]!;
    const concepts = tokens[j]!.entry.mentions.map((m) => m.concept);
    if (!flips[j] || n < 0 || !(concepts.includes(YES_ANSWER_CONCEPT) || concepts.includes(IN_STOCK_CONCEPT)))
      continue;
    if (tokens.some((u, i) => i !== j && u.clause === tokens[j]!.clause && isMention(u))) continue;
    denialsNamingNothing.push({ k: n, start: tokens[n]!.start, end: tokens[j]!.end });
  }
  for (const { k, start, end } of denialsNamingNothing) {
    const clause = tokens[k]!.clause;
    if (clause === 0) continue;
    const opening = text.slice(clauseEnds[clause - 1], start);
    const said = text.slice(start, end);
    const outNow = (STOCK_NOW.test(opening + said) || OUT_OF_STOCK.test(said)) && NOW_ONLY.test(opening);
    if (!BUT.test(text.slice(clauseEnds[clause - 1])) && !outNow) continue;
    if (!CLOSING.test(stripParticles(text.slice(end, clauseEnds[clause]), vocabulary.particles))) continue;
    const p = tokens.findLastIndex((u) => u.clause === clause - 1 && isOption(u));
    if (p < 0 || flips[p]) continue;
    // 红色有货，暂时没有: the clause before already says it is there; the denial is of something else.
    const inStockBefore = tokens.some(
      (u, j) =>
        u.clause === clause - 1 && !flips[j] && u.entry.mentions.some((m) => m.concept === IN_STOCK_CONCEPT),
    );
    if (inStockBefore) continue;
    negator = k;
    flipList(p, -1);
    used[k] = 1;
  }

  // 红色没有现货: a denied "in stock" denies the option before it; so does a denied bare "yes" closing its
  // clause (抹茶的没有哦: the 没 took 有哦 as its term, but the sentence says 抹茶 is not there).
  const closesClause = (k: number) =>
    stripParticles(text.slice(tokens[k]!.end, clauseEnds[tokens[k]!.clause]), vocabulary.particles) === '';
  for (let k = 0; k < tokens.length; k++) {
    if (!flips[k]) continue;
    const concepts = tokens[k]!.entry.mentions.map((m) => m.concept);
    if (concepts.includes(IN_STOCK_CONCEPT) || (concepts.includes(YES_ANSWER_CONCEPT) && closesClause(k)))
      negateBackwards(k);
  }

  excludeNamedCases(text, tokens, clauseEnds, (k, step) => {
    negator = -1;
    flipList(k, step);
  });

  const implied: Polarity['implied'] = [];
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (!(t.entry.roles & ONLY)) continue;
    const j = neighbour(k, 1, false);
    if (j < 0 || !isOption(tokens[j]!) || tokens[j]!.start - t.end > MAX_BEFORE_GAP) continue;
    const listed = [j];
    for (let next = j + 1; next < tokens.length; next++) {
      const prev = tokens[listed[listed.length - 1]!]!;
      const u = tokens[next]!;
      if (u.clause !== t.clause || !isOption(u) || !connects(text, prev.end, u.start)) break;
      listed.push(next);
    }
    // 只有红色没货 says the opposite of 只有红色: leave the other options alone.
    if (listed.some((i) => flips[i])) continue;
    const named = new Set(listed.flatMap((i) => tokens[i]!.entry.mentions.map((m) => m.concept)));
    for (const concept of named)
      for (const sibling of vocabulary.optionGroups.get(concept) ?? [])
        if (!named.has(sibling)) implied.push({ concept: sibling, clause: t.clause });
  }
  const bare: number[] = [];
  tokens.forEach((t, k) => {
    if (!isMention(t) && t.entry.roles & (BEFORE | AFTER) && !used[k]) bare.push(k);
  });
  return { negated: Array.from(flips, (f) => f === 1), implied, bare, negatedBy };
}

/** 新疆以外 · 新疆西藏除外 · 除了新疆: the statement that follows is about the other cases. */
const EXCLUDED_AFTER = /^(的)?(以外|之外|除外)/;
const EXCLUDING_BEFORE = '除了';
/** 除了红色还有蓝色 · 新疆以外也发青海: 还/也 adds to the named case instead of setting it apart. */
const INCLUSIVE = /[还也]/;

/**
 * Denies a term set apart from what the sentence says of the rest (新疆以外的地址都能发 says 新疆 cannot be
 * sent to); left alone when the sentence adds to it (除了红色还有蓝色).
 */
function excludeNamedCases(
  text: string,
  tokens: readonly Token[],
  clauseEnds: readonly number[],
  deny: (k: number, step: 1 | -1) => void,
) {
  const inclusiveAfter = (at: number, clause: number) =>
    INCLUSIVE.test(text.slice(at, clauseEnds[Math.min(clause + 1, clauseEnds.length - 1)]));
  for (let k = tokens.length - 1; k >= 0; k--) {
    const t = tokens[k]!;
    if (!isMention(t)) continue;
    const marker = EXCLUDED_AFTER.exec(text.slice(t.end, t.end + 3));
    const next = tokens[k + 1];
    if (!marker || (next && next.start < t.end + marker[0].length)) continue;
    if (marker[2] === '除外' || !inclusiveAfter(t.end + marker[0].length, t.clause)) deny(k, -1);
  }
  for (let at = text.indexOf(EXCLUDING_BEFORE); at >= 0; at = text.indexOf(EXCLUDING_BEFORE, at + 1)) {
    const end = at + EXCLUDING_BEFORE.length;
    const k = tokens.findIndex((u) => u.start >= end);
    const t = tokens[k];
    // The term must follow 除了 itself: in 除了新疆都包邮 the 包邮 is what is said of the rest.
    if (!t || !isMention(t) || t.start !== end) continue;
    if (EXCLUDED_AFTER.test(text.slice(t.end))) continue; // 除了新疆以外: one exclusion, denied once
    if (!inclusiveAfter(t.end, t.clause)) deny(k, 1);
  }
}
