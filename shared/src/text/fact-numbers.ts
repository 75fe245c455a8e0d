// Numbers against the catalogue: which fact a number in a reply speaks of, and whether it agrees. A number
// fact states its value (or range) and bound; a value fact's text may hold numbers too (充绒量120克 ·
// 发货后1到3天送达 · 宽60深56高85厘米), read by the same number reader, and so may its `wrong` sayings.
// Any quantity that fits none of what the fact allows contradicts it, whatever its wording.
import type { Fact, Option, Product } from '../scenario/schema.ts';
import { UNITS } from '../scenario/units.ts';
import { normalise } from './normalise.ts';
import { type Bound, type Quantity, readQuantities } from './numbers.ts';
import { tagWords } from './words.ts';

/** A quantity the catalogue allows or forbids, in base units. */
export interface FactQuantity {
  min: number;
  max: number;
  dimension: string;
  bound: Bound;
  label: string;
  tolerance: number;
  /** Index into the fact's `except` list when the quantity holds only under that condition. */
  when?: number;
  /** As read from the catalogue's own words (当天发货 counts from the order). */
  from?: 'now' | 'order';
  /**
   * A time limit counted from an event the buyer meets (签收后48小时内拍照 · 收到后7天内): the window the buyer
   * has, so a shorter one said is a different window, not a promise kept early.
   */
  deadline?: true;
}

export interface FactNumbers {
  right: FactQuantity[];
  wrong: FactQuantity[];
  /** Normalised words that tie a number in a reply to this fact (续航 · 保修 · 充绒量). */
  anchors: string[];
}

/** A quantity of a reply, placed in the normalised text and its clause. */
export interface PlacedQuantity extends Quantity {
  /** Offsets in the normalised text. */
  at: number;
  to: number;
  clause: number;
}

const cache = new WeakMap<Fact, FactNumbers>();

/** 签收后 · 收到以后 · 开封之后 right before the number: the window counts from that event. */
const COUNTED_FROM = /(以后|之后|后)$/;
/** The shop sending or the goods arriving in the window (付款后15天内发货): a promise, not the buyer's window. */
const SHOP_PROMISE = /发货|发出|寄出|送达|到货|送到|送货|当天发|内发|退款|退回/;

function fromText(text: string, when?: number): FactQuantity[] {
  const source = text.normalize('NFKC').toLowerCase();
  return readQuantities(source).map((q) => ({
    min: q.min,
    max: q.max,
    dimension: q.dimension,
    bound: q.bound,
    label: q.label,
    tolerance: 0,
    ...(when !== undefined && { when }),
    ...(q.from !== undefined && { from: q.from }),
    ...(q.bound === 'max' && COUNTED_FROM.test(source.slice(0, q.start)) && { deadline: true as const }),
  }));
}

/** Words that say a number counts from that moment (发货后1到3天): 发货后 is not 发货. */
export const AFTER_WORDS = ['以后', '之后', '后'] as const;
export const followedByAfter = (text: string, end: number) =>
  AFTER_WORDS.some((w) => text.startsWith(w, end));

/** Unit words say how much, not of what (小时 in 48小时内发货 anchors nothing). */
const UNIT_WORDS = new Set<string>(Object.values(UNITS).flatMap((u) => u.spellings));
/** Nouns, verbs, adjectives and names anchor a number; numerals, time words, adverbs and particles do not. */
const ANCHOR_TAGS = /^[nvab]|^vn|^nz/;

/**
 * Words of a fact's sayings other than its numbers: 整机保修3年 → 整机, 保修. A word the fact itself says
 * as "X后" stays "X后", so 发货后 anchors 发货后1到3天送达 and not 48小时内发货.
 */
function anchorWords(texts: readonly string[]): string[] {
  const words = new Set<string>();
  for (const text of texts) {
    const normalised = normalise(text).replace(/[\d.]+/g, ' ');
    for (const part of normalised.split(' ')) {
      for (const w of tagWords(part)) {
        const word = part.slice(w.start, w.end);
        if (word.length < 2 || /^[\da-z]+$/.test(word) || UNIT_WORDS.has(word) || !ANCHOR_TAGS.test(w.tag))
          continue;
        words.add(followedByAfter(part, w.end) ? `${word}后` : word);
      }
    }
  }
  return [...words];
}

export function factNumbers(fact: Fact): FactNumbers {
  const known = cache.get(fact);
  if (known) return known;
  let result: FactNumbers = { right: [], wrong: [], anchors: [] };
  if (fact.kind === 'number') {
    const def = UNITS[fact.unit];
    const amount = (value: number | readonly [number, number], when?: number): FactQuantity => {
      const [min, max] = typeof value === 'number' ? [value, value] : value;
      return {
        min: min * def.factor,
        max: max * def.factor,
        dimension: def.dimension,
        bound: fact.bound,
        label: '',
        tolerance: fact.tolerance * def.factor,
        ...(when !== undefined && { when }),
      };
    };
    result = {
      right: [amount(fact.value), ...fact.except.map((c, i) => amount(c.value, i))],
      wrong: [],
      anchors: [...new Set(fact.terms.map(normalise).filter((t) => t.length > 0))],
    };
  } else if (fact.kind === 'value') {
    const sayings = [fact.value, ...fact.aliases];
    let right = sayings.flatMap((t) => fromText(t));
    // 签收48小时内 is the same window as 签收后48小时内拍照: one saying counted from the event makes it a deadline,
    // unless the shop sends in it (付款后15天内发货).
    const deadline = right.some((r) => r.deadline) && !sayings.some((t) => SHOP_PROMISE.test(normalise(t)));
    right = right.map(({ deadline: _, ...r }) =>
      deadline && r.bound === 'max' ? { ...r, deadline: true as const } : r,
    );
    const cases = fact.except.flatMap((c, i) => [c.value, ...c.aliases].flatMap((t) => fromText(t, i)));
    const wrong = [...fact.wrong, ...fact.except.flatMap((c) => c.wrong)].flatMap((t) => fromText(t));
    if (right.length > 0)
      result = { right: [...right, ...cases], wrong, anchors: anchorWords([fact.value, ...fact.aliases]) };
  }
  cache.set(fact, result);
  return result;
}

const notes = new WeakMap<Option, FactQuantity[]>();
/** The amounts an option's note states of it (L码: 9–14千克，54片 · 10斤装: 约24–30个), for replies about it. */
export function noteNumbers(option: Option): FactQuantity[] {
  let known = notes.get(option);
  if (!known) {
    known = option.note === undefined ? [] : fromText(option.note);
    notes.set(option, known);
  }
  return known;
}

const EPSILON = 1e-9;

function tolerance(reply: Quantity, allowed: FactQuantity): number {
  // A reply in another unit than the catalogue's (半年 for 180 天, 1年 for 12个月) is compared loosely.
  return allowed.tolerance + 0.02 * Math.max(Math.abs(allowed.max), Math.abs(reply.max)) + EPSILON;
}

/** Does what the reply says of the amount fit what the catalogue allows? */
export function fits(reply: Quantity, allowed: FactQuantity): boolean {
  if (reply.dimension !== allowed.dimension) return false;
  if (reply.label !== '' && allowed.label !== '' && reply.label !== allowed.label) return false;
  const tol = tolerance(reply, allowed);
  const { min: lo, max: hi } = allowed;
  switch (allowed.bound) {
    case 'max':
      // The buyer's window (签收后48小时内拍照): 24小时内 takes half of it away, 两天内 is it.
      if (allowed.deadline) return Math.abs(reply.max - hi) <= tol;
      // At most hi (48小时内发货): any promise within it fits (明天就能发 · 两天内).
      return reply.max <= hi + tol;
    case 'min':
      return reply.min >= lo - tol;
    default:
      // A reading must lie within the range (两三天 fits 2–4 天, 三五天 does not); so must a promise "by X", a
      // duration or a date (两三天就到 · 后天就到 fit 2–4 天, 明天就到 promises faster than the catalogue):
      // trainers accept any time within the stated range.
      if (reply.bound === 'max') return reply.max >= lo - tol && reply.max <= hi + tol;
      return reply.min >= lo - tol && reply.max <= hi + tol;
  }
}

export function sameAmount(reply: Quantity, wrong: FactQuantity): boolean {
  if (reply.dimension !== wrong.dimension) return false;
  // 今天发出 (this order, today) is not the 当天发货 (same day as ordered) a catalogue rules out.
  if ((reply.from ?? 'order') !== (wrong.from ?? 'order')) return false;
  const tol = tolerance(reply, wrong);
  return Math.abs(reply.min - wrong.min) <= tol && Math.abs(reply.max - wrong.max) <= tol;
}

export type NumberVerdict = 'stated' | 'contradicted' | 'absent';

/**
 * The verdict of the quantities attributed to one fact; `conditions` are the except cases the clause names
 * (or the case asked about), none for the default.
 */
export function judgeQuantities(
  numbers: FactNumbers,
  quantities: readonly PlacedQuantity[],
  conditionsOf: (q: PlacedQuantity) => ReadonlySet<number>,
  isNeed: (q: PlacedQuantity) => boolean = () => false,
): NumberVerdict {
  let verdict: NumberVerdict = 'absent';
  for (const q of quantities) {
    if (numbers.wrong.some((w) => sameAmount(q, w))) return 'contradicted';
    // 一天妥妥的 · 2到5人都够 · 半天没问题: an amount said to be enough is a need the product meets in some case
    // (带仓 30 小时 covers a day), not its value; 保修两年没问题 against one year is still wrong.
    if (isNeed(q)) {
      const reach = numbers.right.filter((r) => r.dimension === q.dimension && r.bound !== 'max');
      if (reach.length === 0) continue;
      if (!reach.some((r) => q.max <= r.max + tolerance(q, r))) return 'contradicted';
      verdict = 'stated';
      continue;
    }
    const named = conditionsOf(q);
    // A number said with no case named speaks of the default: 保修三年 is the whole cooker's warranty, not
    // the heating plate's, and 30小时 alone is the earbuds' own battery, not with the charging case.
    const allowed = numbers.right.filter((r) =>
      named.size > 0 ? r.when !== undefined && named.has(r.when) : r.when === undefined,
    );
    const comparable = allowed.some((r) => r.dimension === q.dimension);
    if (!comparable) continue;
    if (!allowed.some((r) => fits(q, r))) return 'contradicted';
    verdict = 'stated';
  }
  return verdict;
}

/** Facts of `products` whose numbers a quantity could be about (same dimension). */
export function numericFacts(products: readonly Product[]): { product: Product; key: string; fact: Fact }[] {
  const out: { product: Product; key: string; fact: Fact }[] = [];
  for (const product of products)
    for (const [key, fact] of Object.entries(product.facts))
      if (factNumbers(fact).right.length > 0) out.push({ product, key, fact });
  return out;
}
