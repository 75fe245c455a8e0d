// Did a reply state a catalogue fact, contradict it, or say nothing about it? Used for the open question
// (question-evaded) and for every fact the reply touches (wrong-fact).
import type { Fact, Option, Product } from '../scenario/schema.ts';
import { UNITS } from '../scenario/units.ts';
import {
  costConcept,
  factConcept,
  oppositeConcept,
  optionConcept,
  wrongConcept,
} from './catalogue-concepts.ts';
import { conditionWords } from './cut-off.ts';
import {
  factNumbers,
  fits,
  followedByAfter,
  judgeQuantities,
  type NumberVerdict,
  noteNumbers,
  numericFacts,
  type PlacedQuantity,
  sameAmount,
} from './fact-numbers.ts';
import { type FactRefError, parseFactRef, type ResolvedFact } from './fact-ref.ts';
import { IN_STOCK_CONCEPT } from './markers.ts';
import type { Analysis, Matcher, Mention } from './matcher.ts';
import { normalise } from './normalise.ts';
import { numeralAt, readBareNumber } from './numbers.ts';
import { calendarIn, type DayRange, overlaps, rangeOf, restockRange } from './restock.ts';

export type FactVerdict = 'stated' | 'contradicted' | 'absent';

// Products are loaded once per scenario; resolve each reference once, not on every message.
const resolved = new WeakMap<readonly Product[], Map<string, ResolvedFact | FactRefError>>();

/** A fact reference resolved against `products` (cached per product list), or undefined when it does not resolve. */
export function resolveFactRef(products: readonly Product[], ref: string): ResolvedFact | undefined {
  let cache = resolved.get(products);
  if (!cache) {
    cache = new Map();
    resolved.set(products, cache);
  }
  let result = cache.get(ref);
  if (!result) {
    result = parseFactRef(products, ref);
    cache.set(ref, result);
  }
  return 'error' in result ? undefined : result;
}

/** Affirmed in a clause that also says "in stock" (红色有货 / 红色还有): a claim, not just a mention. */
function claimedInStock(analysis: Analysis, concept: string): boolean {
  const stockClauses = new Set<number>();
  for (const m of analysis.mentions)
    if (m.concept === IN_STOCK_CONCEPT && !m.negated) stockClauses.add(m.clause);
  return analysis.mentions.some((m) => m.concept === concept && !m.negated && stockClauses.has(m.clause));
}

/** After an option, words that describe it (酒红色是卖得最好的 · 蓝色这个颜色很百搭 · 米白的也好看). */
const DESCRIBED_AFTER =
  /^的?(这个颜色|这个色|这款|这个)?(是|很|超|特别|非常|挺|真的|也很|也好看|好看|显|百搭)/;

/** Every mention of the option describes it (how it looks, how it sells), none says it is there to buy. */
function describedOnly(analysis: Analysis, concept: string): boolean {
  const mentions = analysis.mentions.filter((m) => m.concept === concept && !m.negated);
  return (
    mentions.length > 0 &&
    !claimedInStock(analysis, concept) &&
    mentions.every((m) =>
      DESCRIBED_AFTER.test(analysis.normalised.slice(m.end, analysis.clauseEnds[m.clause])),
    )
  );
}

/** A clause about a sold-out option coming back (要等两周 · 明天就补货 · 下月中旬能到货), not about a parcel. */
const RESTOCK_WORDS = /补货|补上|到货|来货|进货|上货|回货|等|有货|才有|再有|就有|能有|上架/;
const PARCEL_WORDS = /发货|发出|送达|快递|物流|签收|收到|寄/;

/**
 * When the reply says a sold-out option comes back, against the catalogue's `restock`: the times said in a
 * clause about restocking, of the option named last before them in that clause or the one before (or of the
 * option asked, when the reply names none). They fit when they meet the catalogue's range of days.
 */
function judgeRestock(analysis: Analysis, concept: string, option: Option, asked: boolean): FactVerdict {
  if (option.restock === undefined || option.inStock) return 'absent';
  const restock = restockRange(option.restock);
  if (restock === undefined) return 'absent';
  const text = analysis.normalised;
  let verdict: FactVerdict = 'absent';
  for (let c = 0; c < analysis.clauseEnds.length; c++) {
    const from = clauseStart(analysis, c);
    const clauseText = text.slice(from, analysis.clauseEnds[c]);
    if (!RESTOCK_WORDS.test(clauseText) || PARCEL_WORDS.test(clauseText)) continue;
    const times: { at: number; range: DayRange }[] = [
      ...analysis.quantities
        .filter((q) => q.clause === c && q.dimension === 'time')
        .map((q) => ({ at: q.at, range: rangeOf(q) })),
      ...calendarIn(clauseText).map((t) => ({ at: from + t.at, range: t.range })),
    ];
    for (const time of times) {
      const named = analysis.mentions.findLast(
        (m) =>
          m.start < time.at &&
          m.clause >= c - 1 &&
          (m.concept.startsWith('option:') || m.concept.startsWith('product:')),
      );
      const about = named === undefined ? asked : named.concept === concept;
      if (!about) continue;
      if (restock === 'never' || !overlaps(time.range, restock)) return 'contradicted';
      verdict = 'stated';
    }
  }
  return verdict;
}

/** Clause c tells when an option named in it or the clause before comes back (薄荷绿要等两周). */
function aboutRestock(analysis: Analysis, c: number): boolean {
  const clauseText = analysis.normalised.slice(clauseStart(analysis, c), analysis.clauseEnds[c]);
  return (
    RESTOCK_WORDS.test(clauseText) &&
    !PARCEL_WORDS.test(clauseText) &&
    analysis.mentions.some(
      (m) => (m.clause === c || m.clause === c - 1) && m.concept.startsWith('option:') && !m.negated,
    )
  );
}

function judgeOption(
  analysis: Analysis,
  pid: string,
  key: string,
  option: Option,
  asked: boolean,
): FactVerdict {
  const concept = optionConcept(pid, key, option.value);
  // 要等两周 · 下月中旬到货: when a sold-out option comes back answers whether it is there now, too.
  const restock = judgeRestock(analysis, concept, option, asked);
  if (restock === 'contradicted') return restock;
  if (restock === 'stated' && !claimedInStock(analysis, concept)) return restock;
  // 酒红色很显气色的: praising the colour asked about says nothing of its stock.
  if (asked && !analysis.negated.has(concept) && describedOnly(analysis, concept)) return 'absent';
  const affirmed = analysis.affirmed.has(concept);
  const negated = analysis.negated.has(concept);
  const claimed = affirmed && claimedInStock(analysis, concept);
  if (option.inStock) {
    if (claimed) return 'stated';
    if (negated) return 'contradicted';
    return affirmed ? 'stated' : 'absent';
  }
  if (claimed) return 'contradicted';
  if (negated) return 'stated';
  // Naming a sold-out option in answer to "is it in stock?" without denying it reads as yes.
  return affirmed && asked ? 'contradicted' : 'absent';
}

/**
 * 十斤大概三十五六个 to 10斤装有多少个 · L码一包60片: a number of a dimension the asked option's note states (约24–30个 ·
 * 54片), said in a clause naming that option or naming no other, is held against the note.
 */
function judgeNote(analysis: Analysis, pid: string, key: string, option: Option): FactVerdict {
  const noted = noteNumbers(option);
  if (noted.length === 0) return 'absent';
  const own = optionConcept(pid, key, option.value);
  const otherOption = (c: number) =>
    analysis.mentions.some(
      (m) => m.clause === c && m.concept.startsWith(`option:${pid}.${key}.`) && m.concept !== own,
    );
  let verdict: FactVerdict = 'absent';
  for (const q of analysis.quantities) {
    const comparable = noted.filter((n) => n.dimension === q.dimension);
    if (comparable.length === 0 || otherOption(q.clause)) continue;
    if (!comparable.some((n) => fits(q, n))) return 'contradicted';
    verdict = 'stated';
  }
  return verdict;
}

/** Nouns that count the options of a kind (四个颜色 · 两个色 · 六种口味 · 三个码), by the kind's own character. */
const COUNT_NOUNS: Readonly<Record<string, readonly string[]>> = {
  色: ['颜色', '配色', '色号', '色系', '色'],
  码: ['尺码', '码数', '码'],
  味: ['口味', '味道', '味'],
};
/** The character of the kind a topic's options are counted by, when their values do not share one. */
const TOPIC_COUNT_CHAR: Readonly<Record<string, string>> = { colour: '色', color: '色', size: '码' };
const COUNTERS = /^[个种款样类]/;
const NOT_A_COUNT_BEFORE = /[\d.零一二两三四五六七八九十百第这那哪前后]$/;
/** A clause that claims how many there are: 有四个颜色 · 一共六种 · 四色可选. */
const COUNT_CLAIM = /有|共|可选|可以选|供选/;

/** The nouns that count an options fact's options: its topic's, or the last character all its values share. */
function countNouns(fact: Fact & { kind: 'options' }): readonly string[] {
  const lasts = new Set(fact.options.map((o) => o.value.normalize('NFKC').slice(-1)));
  const shared = lasts.size === 1 ? [...lasts][0]! : undefined;
  const chars = new Set([TOPIC_COUNT_CHAR[fact.topic], shared].filter((c) => c !== undefined));
  return [...chars].flatMap((c) => COUNT_NOUNS[c] ?? []);
}

/** A count in the reply: 四个 in 四个颜色, with where what it counts begins. */
interface Count {
  n: number;
  /** Where the counter ends (个 · 种) and what is counted begins. */
  nounAt: number;
  counted: boolean;
  clause: number;
}
const counts = new WeakMap<Analysis, Count[]>();

/** Every whole number of two or more in the reply with its counter, once per reply. */
function countsIn(analysis: Analysis): Count[] {
  const known = counts.get(analysis);
  if (known) return known;
  const text = analysis.normalised;
  const found: Count[] = [];
  for (let i = 0; i < text.length; i++) {
    const numeral = numeralAt(text, i);
    if (!numeral) continue;
    const start = i;
    i = numeral.end - 1;
    if (start > 0 && NOT_A_COUNT_BEFORE.test(text[start - 1]!)) continue;
    if (numeral.min !== numeral.max || numeral.min < 2) continue;
    const counter = COUNTERS.exec(text.slice(numeral.end, numeral.end + 1))?.[0] ?? '';
    const clause = analysis.clauseEnds.findIndex((end) => end > start);
    found.push({ n: numeral.min, nounAt: numeral.end + counter.length, counted: counter !== '', clause });
  }
  counts.set(analysis, found);
  return found;
}

/**
 * How many options the reply says the fact has (四个颜色都有现货 · 六种口味 · 白、黑两个色有货), said of the product:
 * held against the options in stock when its clause claims stock, else against all of them or those in stock.
 * A count of one (一种颜色) is left alone: 一 is as often "a" as "one"; a bare 码 needs its counter (38码 is a size).
 */
function judgeCount(analysis: Analysis, pid: string, fact: Fact & { kind: 'options' }): FactVerdict {
  const found = countsIn(analysis);
  if (found.length === 0) return 'absent';
  const nouns = countNouns(fact);
  const text = analysis.normalised;
  const total = fact.options.length;
  const inStock = fact.options.filter((o) => o.inStock).length;
  let verdict: FactVerdict = 'absent';
  for (const { n, nounAt, counted, clause } of found) {
    const noun = nouns.find((w) => text.startsWith(w, nounAt) && (counted || w !== '码'));
    if (noun === undefined) continue;
    // 四个颜色都有现货 · 一共六种口味 · 六种口味。 — not 卡在两个码中间 or 这两个颜色都好看.
    const clauseText = text.slice(clauseStart(analysis, clause), analysis.clauseEnds[clause]);
    const rest = text.slice(nounAt + noun.length, analysis.clauseEnds[clause]);
    if (!COUNT_CLAIM.test(clauseText) && !/^[的哦呢啊呀哈亲~]*$/u.test(rest)) continue;
    const product = productBefore(analysis, nounAt);
    if (product !== undefined && product !== pid) continue;
    const claimsStock = analysis.mentions.some(
      (m) => m.clause === clause && m.concept === IN_STOCK_CONCEPT && !m.negated,
    );
    if (!(claimsStock ? n === inStock : n === total || n === inStock)) return 'contradicted';
    verdict = 'stated';
  }
  return verdict;
}

const clauseStart = (analysis: Analysis, clause: number) =>
  clause === 0 ? 0 : analysis.clauseEnds[clause - 1]!;

/** Every offset where `word` occurs in the normalised text between `from` and `to`. */
function occurrences(text: string, word: string, from: number, to: number): number[] {
  const found: number[] = [];
  for (let i = text.indexOf(word, from); i >= 0 && i + word.length <= to; i = text.indexOf(word, i + 1))
    found.push(i);
  return found;
}

/** Between a verb of arriving and an amount: 能到24个小时 · 能到大概三十小时. */
const UP_TO_GAP = /^(了|大概|大约|约|将近|接近|差不多|足足|整整)*$/;
/** 能到 · 就到 · 送到 right before an amount: 到 is "up to" (带仓能到24个小时), not an arrival. */
const reachesAmount = (text: string, anchor: string, end: number, q: PlacedQuantity) =>
  anchor.endsWith('到') && end <= q.at && UP_TO_GAP.test(text.slice(end, q.at));

/** After an amount, that it is enough: 一天妥妥的 · 一天都够了 · 一整天没问题. */
const ENOUGH_AFTER =
  /^(的|都|也|是|完全|肯定|绝对|用)*(妥妥|够|足够|没问题|绰绰有余|撑得住|扛得住|不成问题|没压力|无压力|稳稳)/;
const saidEnough = (analysis: Analysis, q: PlacedQuantity) =>
  ENOUGH_AFTER.test(analysis.normalised.slice(q.to, analysis.clauseEnds[q.clause]));
/** One of the fact's own words stands before the amount in its clause (续航20小时够用: the battery said). */
const anchoredBefore = (analysis: Analysis, anchors: readonly string[], q: PlacedQuantity) => {
  const said = analysis.normalised.slice(clauseStart(analysis, q.clause), q.at);
  return anchors.some((a) => said.includes(a));
};

/** 未拆包 · 没用过 · 不拆封: a condition said not to hold is not named; 没开封 anchors no 开封后 number. */
const CONDITION_DENIERS = ['没有', '未', '没', '不', '无', '非'];
const deniedAt = (text: string, at: number) =>
  CONDITION_DENIERS.some((d) => text.startsWith(d, at - d.length));

type Attribution = Map<PlacedQuantity, ReadonlySet<Fact>>;
// Every fact of every product is judged against one reply: attribute its numbers once per reply and asks.
const attributions = new WeakMap<Analysis, Map<string, Attribution>>();

/**
 * Which facts each number of the reply speaks of: the fact whose anchor word stands nearest in its clause
 * (续航 8小时 · 整机保3年电机保10年), within the product named last before it (入门款4克，降噪款4.5克); with no
 * anchor at all, the asked facts of its dimension it fits (8小时 to 续航多久？充电要多久？ is the battery).
 * 163、105斤 is the buyer's weight, not the down's; 发货后三四天到 does not speak of 48小时内发货.
 */
function attribute(
  analysis: Analysis,
  products: readonly Product[],
  askedRefs: readonly string[],
): Attribution {
  let perAsks = attributions.get(analysis);
  if (!perAsks) {
    perAsks = new Map();
    attributions.set(analysis, perAsks);
  }
  const key = askedRefs.join('|');
  const known = perAsks.get(key);
  if (known) return known;
  const text = analysis.normalised;
  const all = numericFacts(products);
  const asked = askedRefs
    .map((ref) => resolveFactRef(products, ref))
    .filter((f): f is ResolvedFact => f !== undefined);
  const result: Attribution = new Map();
  for (const q of analysis.quantities) {
    const product = productBefore(analysis, q.at);
    const inScope = (pid: string) => product === undefined || pid === product;
    const rivals = all.filter(
      (f) => inScope(f.product.id) && factNumbers(f.fact).right.some((r) => r.dimension === q.dimension),
    );
    const from = clauseStart(analysis, q.clause);
    const to = analysis.clauseEnds[q.clause]!;
    // Anchors only one rival has (整机 · 电机) decide before shared ones (保修).
    const counts = new Map<string, number>();
    for (const { fact } of rivals)
      for (const a of factNumbers(fact).anchors) counts.set(a, (counts.get(a) ?? 0) + 1);
    let nearest = new Set<Fact>();
    const denied = new Set<Fact>();
    for (const distinctive of [true, false]) {
      let best = Number.POSITIVE_INFINITY;
      for (const { fact } of rivals) {
        for (const anchor of factNumbers(fact).anchors) {
          if ((counts.get(anchor) === 1) !== distinctive) continue;
          for (const at of occurrences(text, anchor, from, to)) {
            const end = at + anchor.length;
            // Part of the number itself, or said not to hold (没开封能放36个月): no anchor; nor a verb of
            // arriving right before an amount, where 到 is "up to" (带仓能到24个小时 is no delivery time).
            if ((at < q.to && end > q.at) || deniedAt(text, at) || reachesAmount(text, anchor, end, q))
              continue;
            if (!anchor.endsWith('后') && followedByAfter(text, end)) {
              denied.add(fact);
              continue;
            }
            // What a number measures is said before it (整机保修3年); a word after it counts only when none stands before.
            const distance = end <= q.at ? q.at - end : 1000 + at - q.to;
            if (distance < best) {
              best = distance;
              nearest = new Set([fact]);
            } else if (distance === best) nearest.add(fact);
          }
        }
      }
      if (nearest.size > 0) break;
    }
    // 薄荷绿要等两周: a time said of an option coming back speaks of its restock, not of the fact asked.
    if (nearest.size === 0 && !aboutRestock(analysis, q.clause))
      nearest = new Set(
        asked
          .filter((f) => inScope(f.product.id) && !denied.has(f.fact))
          .filter((f) => factNumbers(f.fact).right.some((r) => r.dimension === q.dimension))
          .map((f) => f.fact),
      );
    if (nearest.size > 1) nearest = narrowTies(q, nearest);
    result.set(q, nearest);
  }
  perAsks.set(key, result);
  return result;
}

/** Is `m` said of product `pid`: no other product is named last before it? */
const ofProduct = (analysis: Analysis, m: Mention, pid: string) => {
  const named = productBefore(analysis, m.start);
  return named === undefined || named === pid;
};

/** The product named last before `at` (入门款 · 降噪款), if the reply names one. */
function productBefore(analysis: Analysis, at: number): string | undefined {
  let found: string | undefined;
  for (const m of analysis.mentions) {
    if (m.start >= at) break;
    if (!m.negated && m.concept.startsWith('product:')) found = m.concept.slice('product:'.length);
  }
  return found;
}

function quantitiesOf(
  analysis: Analysis,
  products: readonly Product[],
  target: Fact,
  askedRefs: readonly string[],
): PlacedQuantity[] {
  const out: PlacedQuantity[] = [];
  for (const [q, facts] of attribute(analysis, products, askedRefs)) if (facts.has(target)) out.push(q);
  return out;
}

/**
 * A number whose nearest word several facts share (保修 半年: 整机 or 电机?) speaks of those it fits, else of
 * those that list it as wrong, else of them all.
 */
function narrowTies(q: PlacedQuantity, tied: Set<Fact>): Set<Fact> {
  const fitting = [...tied].filter((f) => factNumbers(f).right.some((r) => fits(q, r)));
  if (fitting.length > 0) return new Set(fitting);
  const listed = [...tied].filter((f) => factNumbers(f).wrong.some((w) => sameAmount(q, w)));
  return listed.length > 0 ? new Set(listed) : tied;
}

/** After (or 除了 before) the conditions it names, a statement is about the other cases: 新疆西藏除外，都包邮. */
const EXCLUDING_AFTER = ['除外', '以外', '之外'];
const EXCLUDING_BEFORE = '除了';

/** 今天过了四点 · 今天已经16点以后了: a day said right before a case names when that case holds, no time of a fact. */
function datesCase(analysis: Analysis, q: PlacedQuantity, caseWords: Iterable<string>): boolean {
  if (q.from === undefined) return false;
  const after = analysis.normalised.slice(q.to, analysis.clauseEnds[q.clause]).replace(/^(已经|都)/, '');
  for (const w of caseWords) if (after.startsWith(w)) return true;
  return false;
}

/**
 * Does clause c say something of its own (a number or a catalogue fact), not just name a case (新疆的话， ·
 * 刻字的是定制款，: 刻字 names the engraving too, but here it is the case)?
 */
function clauseClaims(analysis: Analysis, c: number, caseWords: ReadonlySet<string>): boolean {
  return (
    analysis.quantities.some((q) => q.clause === c && !datesCase(analysis, q, caseWords)) ||
    analysis.mentions.some(
      (m) =>
        m.clause === c &&
        /^(fact|option|wrong|opposite|cost):/.test(m.concept) &&
        !caseWords.has(analysis.normalised.slice(m.start, m.end)),
    )
  );
}

/**
 * Indexes of the fact's exceptions whose condition words stand in `clause`, or in the clauses before it that
 * only name a case (新疆的话，不包邮); a clause that says something itself (算上充电仓三十小时，耳机自己八小时)
 * lends the next one nothing. A condition denied (未拆封) or excluded (新疆西藏除外) is not named.
 */
function conditionsNamed(analysis: Analysis, fact: Fact, clause: number): Set<number> {
  const named = new Set<number>();
  if (fact.kind === 'options' || fact.except.length === 0) return named;
  const text = analysis.normalised;
  const caseWords = new Set(fact.except.flatMap((e) => conditionWords(e.when)));
  for (let c = clause; c >= 0 && named.size === 0; c--) {
    if (c < clause && clauseClaims(analysis, c, caseWords)) break;
    const from = clauseStart(analysis, c);
    const to = analysis.clauseEnds[c]!;
    const clauseText = text.slice(from, to);
    const excludedAfter = (at: number) =>
      EXCLUDING_AFTER.some((w) => text.indexOf(w, at) >= 0 && text.indexOf(w, at) < to);
    const excludedBefore = (at: number) => clauseText.slice(0, at - from).includes(EXCLUDING_BEFORE);
    fact.except.forEach((e, i) => {
      const said = conditionWords(e.when).some((w) =>
        occurrences(text, w, from, to).some(
          (at) => !deniedAt(text, at) && !excludedAfter(at) && !excludedBefore(at),
        ),
      );
      if (said) named.add(i);
    });
  }
  return named;
}

/**
 * The case the question asked about (wireless-earbuds.battery.充电仓), which a reply's unqualified statements
 * speak of, unless the reply names the cases itself (算上充电仓三十小时，耳机自己八小时: the 8 is the default).
 */
function askedCase(analysis: Analysis, fact: ResolvedFact): number | undefined {
  if (fact.condition === undefined) return undefined;
  for (let c = 0; c < analysis.clauseEnds.length; c++)
    if (conditionsNamed(analysis, fact.fact, c).size > 0) return undefined;
  return fact.condition;
}

/** 全国包邮 · 一律不退: the statement covers every case, the exceptions too. */
const UNIVERSAL = ['全国', '所有地区', '全部地区', '任何地区', '哪里都', '一律', '统统'];
const universalIn = (analysis: Analysis, c: number) => {
  const clauseText = analysis.normalised.slice(clauseStart(analysis, c), analysis.clauseEnds[c]);
  // 全国包邮，新疆西藏除外: an exclusion in the same breath qualifies it.
  const around = analysis.normalised.slice(clauseStart(analysis, c), analysis.clauseEnds[c + 1]);
  return (
    UNIVERSAL.some((w) => clauseText.includes(w)) &&
    ![...EXCLUDING_AFTER, EXCLUDING_BEFORE].some((w) => around.includes(w))
  );
};

/** Kinds of things counted, for thresholds: 两包才包邮 · 满两件包邮 · 再加一件就包邮. */
const COUNTED = new Set(['pieces', 'packs', 'items', 'boxes', 'bottles', 'sheets', 'cakes']);
/** Around a count, what makes it a threshold: 满两件 · 再加一件 / 两包才 · 两件以上 · 两件起 · 拍两件就. */
const THRESHOLD_BEFORE = /(满|再加|再拍|再买|加|多拍|多买)$/;
const THRESHOLD_AFTER = /^(才|以上|及以上|起|就)/;

/**
 * The clause makes the fact hold only beyond a threshold the catalogue does not know (两包才包邮 · 满199包邮 for
 * a 169 元 lipstick · 再加一件就包邮): for one item, as bought, it says the opposite.
 */
function thresholdBefore(analysis: Analysis, product: Product, m: Mention): boolean {
  const from = clauseStart(analysis, m.clause);
  const before = analysis.normalised.slice(from, m.start);
  const counted = analysis.quantities.some(
    (q) =>
      q.clause === m.clause &&
      q.at < m.start &&
      COUNTED.has(q.dimension) &&
      (THRESHOLD_BEFORE.test(analysis.normalised.slice(from, q.at)) ||
        (q.min >= 2 && THRESHOLD_AFTER.test(analysis.normalised.slice(q.to, m.start)))),
  );
  const amount = /满(\d+)/.exec(before);
  return counted || (amount !== null && Number(amount[1]) > product.price);
}

/** The concept the lexicon names "the buyer pays" with (自理 · 另外买 · 要加钱 · 收费). */
const CHARGE = 'charge';
/** Right after a cost, a bare amount is its price: 运费要15 · 运费10 · 邮费是十二. */
const PRICE_AFTER =
  /^(要|是|得|需要|大概|约)?([1-9]\d*|[一二两三四五六七八九十][零一二两三四五六七八九十百]*)(?![\d个件天小年月])/;
/** Right before a charge word these deny it: 来回运费都不用您出 · 不另外收费 · 一分钱不收. */
const NO_CHARGE_BEFORE = /(不用|不需要|无需|不必|不会|不|没|免)$/;

/** A charge word after `m` in its clause, not denied (上楼要自己搬; not 上楼不另外收费). */
function chargedAfter(analysis: Analysis, m: Mention): boolean {
  return analysis.mentions.some(
    (c) =>
      c.concept === CHARGE &&
      c.clause === m.clause &&
      c.start >= m.end &&
      !c.negated &&
      !NO_CHARGE_BEFORE.test(analysis.normalised.slice(m.end, c.start)),
  );
}

/** Is what `m` names charged in its clause (运费自理 · 手提袋要另外买 · 运费要15), said free, or neither? */
function chargeOf(analysis: Analysis, m: Mention): 'charged' | 'free' | undefined {
  const from = clauseStart(analysis, m.clause);
  for (const c of analysis.mentions) {
    if (c.concept !== CHARGE || c.clause !== m.clause) continue;
    const before = analysis.normalised.slice(from, c.start);
    return c.negated || NO_CHARGE_BEFORE.test(before) ? 'free' : 'charged';
  }
  const priced = analysis.quantities.some(
    (q) => q.clause === m.clause && q.at >= m.end && q.dimension === 'money' && q.max > 0,
  );
  // 运费要15 · 运费10: a bare number right after the cost is its price.
  return priced || PRICE_AFTER.test(analysis.normalised.slice(m.end)) ? 'charged' : undefined;
}

const TOPIC_AFTER = /^(是|的话|问题)/;
const CONDITIONAL_BEFORE = /(如果|万一|要是|假如|若是|若)/;
const conditional = (analysis: Analysis, m: Mention) =>
  CONDITIONAL_BEFORE.test(analysis.normalised.slice(clauseStart(analysis, m.clause), m.start));

/** What each mention of a yes/no fact says: that it holds or not, in its clause. */
interface YesNoClaim {
  mention: Mention;
  holds: boolean;
}

/** The words of a fact's conditions, also without their aspect (拆封后 → 拆封, 用过 → 用 is too short to keep). */
function conditionStems(fact: Fact): string[] {
  if (fact.kind === 'options') return [];
  const words = fact.except.flatMap((e) => conditionWords(e.when));
  const stems = words.map((w) => w.replace(/[过了后]$/, '')).filter((w) => w.length >= 2);
  return [...new Set([...words, ...stems])];
}

/** 未拆封七天无理由 · 没拆包能退: the negator denies the condition right after it, not the term. */
function denierOfCondition(analysis: Analysis, fact: Fact, m: Mention): boolean {
  if (m.negator === undefined) return false;
  const text = analysis.normalised;
  return CONDITION_DENIERS.some(
    (d) =>
      text.startsWith(d, m.negator!) &&
      conditionStems(fact).some(
        (w) => text.startsWith(w, m.negator! + d.length) && m.negator! + d.length + w.length <= m.start,
      ),
  );
}

/** Before 不会, words that make it a forecast (一般不会 · 应该不会 · 基本都不会), not a rule. */
const FORECAST_BEFORE = /(一般|通常|基本上?|应该|大概率|很少|估计)都?$/;

/** 一般不会退 · 应该不会漏: the negator forecasts that it will not come to that; it says nothing of the policy. */
function likelihood(analysis: Analysis, m: Mention): boolean {
  const text = analysis.normalised;
  return (
    m.negator !== undefined &&
    text.startsWith('不会', m.negator) &&
    FORECAST_BEFORE.test(text.slice(clauseStart(analysis, m.clause), m.negator))
  );
}

/** After a term in its clause, words that leave it open: 上楼的话要看情况 · 包不包邮不一定. */
const HEDGES = ['看情况', '看具体情况', '不一定', '说不准', '不好说', '不确定'];

function yesNoClaims(analysis: Analysis, pid: string, key: string, fact: Fact): YesNoClaim[] {
  const term = factConcept(pid, key);
  const opposite = oppositeConcept(pid, key);
  const cost = costConcept(pid, key);
  const claims: YesNoClaim[] = [];
  const charged = new Set<number>();
  // 补运费 · 补邮费: a charge word holding one of the fact's costs charges it (the cost was read inside it).
  const costs = fact.kind === 'yesno' ? fact.costs.map(normalise) : [];
  for (const m of analysis.mentions) {
    if (m.concept !== CHARGE || !ofProduct(analysis, m, pid)) continue;
    const said = analysis.normalised.slice(m.start, m.end);
    if (!costs.some((c) => said.includes(c))) continue;
    const before = analysis.normalised.slice(clauseStart(analysis, m.clause), m.start);
    claims.push({ mention: m, holds: m.negated || NO_CHARGE_BEFORE.test(before) });
  }
  for (const m of analysis.mentions) {
    // 入门款没有主动降噪: a word said of another product named before it is not this product's.
    if (m.concept !== cost || !ofProduct(analysis, m, pid)) continue;
    const charge = chargeOf(analysis, m);
    if (charge === undefined) continue;
    claims.push({ mention: m, holds: charge === 'free' });
    charged.add(m.start);
  }
  for (const m of analysis.mentions) {
    if (
      (m.concept !== term && m.concept !== opposite) ||
      charged.has(m.start) ||
      !ofProduct(analysis, m, pid)
    )
      continue;
    // 漏水是质量问题 · 如果漏水了包换: the opposite named as a topic or a case is no claim that it happens.
    if (
      m.concept === opposite &&
      (TOPIC_AFTER.test(analysis.normalised.slice(m.end)) || conditional(analysis, m))
    )
      continue;
    // 质量很好，一般不会退的: how likely it is to happen, not what the shop allows.
    if (m.negated && likelihood(analysis, m)) continue;
    // 上楼的话要看情况: a hedge says neither yes nor no.
    if (HEDGES.some((h) => analysis.normalised.slice(m.end, analysis.clauseEnds[m.clause]).includes(h)))
      continue;
    const negated = m.negated && !denierOfCondition(analysis, fact, m);
    // 上楼要自己搬 · 偏远地区要加运费 · 安装费另付: a term with no listed cost, followed by the buyer doing or paying
    // for it, says it is there at the buyer's cost, which contradicts the catalogue either way: a service it
    // includes (送货上楼) or one it does not offer at all (偏远地区不发). Facts with costs read them above (运费自理).
    if (
      m.concept === term &&
      !negated &&
      costs.length === 0 &&
      fact.kind === 'yesno' &&
      chargedAfter(analysis, m)
    ) {
      claims.push({ mention: m, holds: !fact.value });
      continue;
    }
    claims.push({ mention: m, holds: (m.concept === term) !== negated });
  }
  return claims;
}

function judgeNumbers(
  analysis: Analysis,
  products: readonly Product[],
  fact: ResolvedFact,
  askedRefs: readonly string[],
  found = quantitiesOf(analysis, products, fact.fact, askedRefs),
): NumberVerdict {
  const cases = fact.fact.kind === 'options' ? [] : fact.fact.except.flatMap((e) => conditionWords(e.when));
  const quantities = found.filter((q) => !datesCase(analysis, q, cases));
  if (quantities.length === 0) return 'absent';
  const numbers = factNumbers(fact.fact);
  return judgeQuantities(
    numbers,
    quantities,
    (q) => {
      const named = conditionsNamed(analysis, fact.fact, q.clause);
      const asked = askedCase(analysis, fact);
      if (named.size === 0 && asked !== undefined) named.add(asked);
      return named;
    },
    (q) => saidEnough(analysis, q) && !anchoredBefore(analysis, numbers.anchors, q),
  );
}

/** A number closing a clause, with what may stand around it: 一只大约两百三 · L码一包54 · 两百三左右哦. */
const ELIDED_CLAUSE =
  /(?:^|[^\d.零一二两三四五六七八九十百千万第])(大概|大约|约|差不多|一般)?(\d+(?:\.\d+)?|[零一二两三四五六七八九十百千万]+)(左右|上下)?[的哦呢啊呀哈~]*$/u;

/**
 * Asked for an amount, a reply may leave its unit unsaid (多重？ → 一只大约两百三): a number that closes a clause
 * is read in the fact's unit. Only for the fact asked, and only when the reply gives no amount with a unit.
 */
function elidedUnit(analysis: Analysis, fact: Fact & { kind: 'number' }): PlacedQuantity | undefined {
  for (let c = 0; c < analysis.clauseEnds.length; c++) {
    const from = clauseStart(analysis, c);
    const match = ELIDED_CLAUSE.exec(analysis.normalised.slice(from, analysis.clauseEnds[c]));
    const value = match ? readBareNumber(match[2]!) : undefined;
    if (value === undefined) continue;
    const at = from + match!.index + match![0].indexOf(match![2]!);
    const { factor, dimension } = UNITS[fact.unit];
    const bound = match![1] || match![3] ? 'approx' : 'exact';
    const q = { start: at, end: at, min: value * factor, max: value * factor, unit: fact.unit, dimension };
    return { ...q, bound, label: '', at, to: at + match![2]!.length, clause: c };
  }
  return undefined;
}

/**
 * A yes/no fact read claim by claim (its terms, their opposites, what it spares said to be charged): each is
 * held against the value of the case its clause names, every case when it says 全国 / 一律, and the default
 * case the other way round when it sets a threshold (两包才包邮).
 */
/** After a verb, a little of it and nothing more in the clause: 会掉一点点 · 会起一点的 · 会漏点. */
const DEGREE_CLOSING = /^了?(一点点|一丢丢|一点儿|一点|点儿|一些|少许|点|些)[的哦呢啊呀哈亲~]*$/u;
/** Right before the verb, a denial: 一点都不掉 is no "a little". */
const DENIED_VERB = /(不|没|没有|别|不会)$/;

/**
 * Asked whether it fades, pills or leaks, a reply may say the verb and "a little" and leave the object to the
 * question (会掉一点点 · 刚开始会起一点): true when it says so of a term (掉色 → 掉), false of an opposite word.
 */
function elidedDegree(analysis: Analysis, fact: Fact & { kind: 'yesno' }): boolean | undefined {
  const text = analysis.normalised;
  const verbs = [
    ...fact.terms.map((t) => [normalise(t), true] as const),
    ...fact.opposite.map((t) => [normalise(t), false] as const),
  ].filter(([t]) => t.length >= 2);
  for (let c = 0; c < analysis.clauseEnds.length; c++) {
    const from = clauseStart(analysis, c);
    const to = analysis.clauseEnds[c]!;
    for (const [term, holds] of verbs)
      for (const at of occurrences(text, term[0]!, from, to))
        if (DEGREE_CLOSING.test(text.slice(at + 1, to)) && !DENIED_VERB.test(text.slice(from, at)))
          return holds;
  }
  return undefined;
}

function judgeYesNo(
  analysis: Analysis,
  fact: ResolvedFact & { fact: { kind: 'yesno' } },
  asked: boolean,
): FactVerdict {
  const { product, key } = fact;
  const yesno = fact.fact;
  const concept = factConcept(product.id, key);
  let stated = false;
  let denied = false;
  for (const { mention, holds } of yesNoClaims(analysis, product.id, key, yesno)) {
    const named = conditionsNamed(analysis, yesno, mention.clause);
    let says = holds;
    let cases: boolean[];
    if (named.size > 0) cases = [yesno.except[[...named][0]!]!.value];
    else if (universalIn(analysis, mention.clause))
      cases = [yesno.value, ...yesno.except.map((e) => e.value)];
    else {
      const asked = askedCase(analysis, fact);
      cases = [asked === undefined ? yesno.value : yesno.except[asked]!.value];
      if (holds && mention.concept === concept && thresholdBefore(analysis, product, mention)) says = false;
    }
    if (cases.every((value) => value === says)) stated = true;
    else denied = true;
  }
  // 会掉一点点 · 刚开始会起一点: the asked fact's verb with its object left to the question.
  if (asked && !stated && !denied) {
    const said = elidedDegree(analysis, yesno);
    if (said !== undefined) {
      const asked = askedCase(analysis, fact);
      return (asked === undefined ? yesno.value : yesno.except[asked]!.value) === said
        ? 'stated'
        : 'contradicted';
    }
  }
  // 不包邮，满99包邮: a right statement with a nuance is still right.
  if (stated) return 'stated';
  if (denied) return 'contradicted';
  // 只有 X… implied denials of a term never written.
  if (analysis.negated.has(concept) && !analysis.mentions.some((m) => m.concept === concept))
    return yesno.value ? 'contradicted' : 'stated';
  return 'absent';
}

function judgeResolved(
  analysis: Analysis,
  products: readonly Product[],
  fact: ResolvedFact,
  asked: boolean,
  askedRefs: readonly string[],
): FactVerdict {
  const pid = fact.product.id;
  const { key } = fact;
  switch (fact.fact.kind) {
    case 'options': {
      if (fact.option) {
        const noted = asked ? judgeNote(analysis, pid, key, fact.option) : 'absent';
        if (noted === 'contradicted') return noted;
        const verdict = judgeOption(analysis, pid, key, fact.option, asked);
        if (verdict === 'absent' && noted === 'stated') return noted;
        if (verdict !== 'absent' || !asked || !fact.option.inStock) return verdict;
        // Asked which one to take (163、105斤拍哪个码？ → M码): recommending another option, not as a stock
        // statement, is the wrong answer (66码就行 · 建议M码); naming another one in stock is not.
        const others = fact.fact.options.filter((o) => o !== fact.option);
        const recommended = others.some((o) => {
          const concept = optionConcept(pid, key, o.value);
          // Praising another one (米白的也好看) is no answer, but recommends nothing either.
          return (
            analysis.affirmed.has(concept) &&
            !claimedInStock(analysis, concept) &&
            !describedOnly(analysis, concept)
          );
        });
        return recommended ? 'contradicted' : 'absent';
      }
      const verdicts = fact.fact.options.map((o) => [o, judgeOption(analysis, pid, key, o, false)] as const);
      const count = judgeCount(analysis, pid, fact.fact);
      if (count === 'contradicted' || verdicts.some(([, v]) => v === 'contradicted')) return 'contradicted';
      return count === 'stated' || verdicts.some(([o, v]) => o.inStock && v === 'stated')
        ? 'stated'
        : 'absent';
    }
    case 'value': {
      const concept = factConcept(pid, key);
      const numbers = judgeNumbers(analysis, products, fact, askedRefs);
      const attributed = attribute(analysis, products, askedRefs);
      const elsewhere = (q: PlacedQuantity) => {
        const facts = attributed.get(q);
        return facts !== undefined && facts.size > 0 && !facts.has(fact.fact);
      };
      if (claimsWrong(analysis, wrongConcept(pid, key), elsewhere) || numbers === 'contradicted')
        return 'contradicted';
      if (saysDefaultOfCase(analysis, fact.fact, concept)) return 'contradicted';
      if (analysis.affirmed.has(concept) || numbers === 'stated') return 'stated';
      if (analysis.negated.has(concept)) return 'contradicted';
      return asked ? judgeGrade(analysis, fact.fact) : 'absent';
    }
    case 'number': {
      const verdict = judgeNumbers(analysis, products, fact, askedRefs);
      const elided = verdict === 'absent' && asked ? elidedUnit(analysis, fact.fact) : undefined;
      return elided ? judgeNumbers(analysis, products, fact, askedRefs, [elided]) : verdict;
    }
    case 'yesno':
      return judgeYesNo(analysis, fact as ResolvedFact & { fact: { kind: 'yesno' } }, asked);
  }
}

/**
 * 四点之后拍的也是今天发: the default value's words said in a clause naming a case whose value is another
 * (16点以后 → 次日发货) say the default holds where it does not.
 */
function saysDefaultOfCase(analysis: Analysis, fact: Fact & { kind: 'value' }, concept: string): boolean {
  if (fact.except.length === 0) return false;
  return analysis.mentions.some((m) => {
    if (m.concept !== concept || m.negated) return false;
    const named = conditionsNamed(analysis, fact, m.clause);
    if (named.size === 0) return false;
    const said = analysis.normalised.slice(m.start, m.end);
    return [...named].every((i) => {
      const c = fact.except[i]!;
      return ![c.value, ...c.aliases].some((v) => normalise(v).includes(said));
    });
  });
}

/** 比普通304更耐腐蚀: what the product is compared with is not what it is. */
const COMPARED_BEFORE = /比[\p{Script=Han}]{0,3}$/u;

/**
 * A wrong value said of the product itself, not as what it is compared with. One that is only an amount
 * (一年 · 200g) is not this fact's when the number speaks of another fact (一年以内都没问题 to 开封后多久:
 * the lipstick once opened, not its shelf life).
 */
function claimsWrong(
  analysis: Analysis,
  concept: string,
  elsewhere: (q: PlacedQuantity) => boolean = () => false,
): boolean {
  return analysis.mentions.some(
    (m) =>
      m.concept === concept &&
      !m.negated &&
      !analysis.quantities.some((q) => q.at <= m.start && m.end <= q.to && elsewhere(q)) &&
      !COMPARED_BEFORE.test(analysis.normalised.slice(clauseStart(analysis, m.clause), m.start)) &&
      !USE_BEFORE.test(analysis.normalised.slice(clauseStart(analysis, m.clause), m.start)) &&
      !OTHERS_BEFORE.test(analysis.normalised.slice(clauseStart(analysis, m.clause), m.start)) &&
      !analysis.mentions.some(
        (o) => o.concept === OTHER_PLATFORM && o.clause === m.clause && o.end <= m.start,
      ),
  );
}

/** 拼多多那个是8公斤的吧: the goods on another platform (the lexicon's `other-platform`), not this product. */
const OTHER_PLATFORM = 'other-platform';

/** 便宜的那种多半是冷库果 · 别家用的是304: said of other shops' goods, not of this product. */
const OTHERS_BEFORE = /别家|别人家|其他家|其它家|外面|市面上|隔壁|有些店|有的店|很多店|那种|他们家|人家/;

/** 一瓶能用小半年 · 够吃一个月: how long it lasts in use, not how long it keeps (shelf life). */
const USE_BEFORE = /(能用|够用|可以用|用了|能吃|够吃|可以吃)(小|大|差不多|将近|快|个)?$/;

const CHINESE_DIGITS = '零一二三四五六七八九';
/** A value's grade or version, said without its name: 一级能效 → 1级, 蓝牙5.3 → 5.3 (a lone 一 or 3 is too common). */
const GRADE = /(\d+\.\d+|\d+级|[一二三四五六七八九]级)/g;
const gradesIn = (text: string): string[] =>
  [...text.matchAll(GRADE)].map(([g]) =>
    g.replace(/^[一二三四五六七八九]/, (c) => String(CHINESE_DIGITS.indexOf(c))),
  );

/**
 * The asked value's grade said bare (能效几级 → 1级 · 蓝牙几 → 5.3的): stated, or contradicted when the grade
 * is one of its wrong values' (二级).
 */
function judgeGrade(analysis: Analysis, fact: Fact & { kind: 'value' }): FactVerdict {
  const said = new Set(gradesIn(analysis.source));
  if (said.size === 0) return 'absent';
  const right = new Set([fact.value, ...fact.aliases].flatMap((v) => gradesIn(v.normalize('NFKC'))));
  const wrong = new Set(fact.wrong.flatMap((v) => gradesIn(v.normalize('NFKC'))));
  if ([...said].some((g) => wrong.has(g) && !right.has(g))) return 'contradicted';
  return [...said].some((g) => right.has(g)) ? 'stated' : 'absent';
}

/**
 * The verdict of one reply on one fact. `asked`: the fact is the open question being answered; `askedRefs`:
 * every fact the open questions ask (a number with no word of its own speaks of one of them). An unknown
 * reference (scenario files are checked before they run) is 'absent'.
 */
export function judgeFact(
  _matcher: Matcher,
  analysis: Analysis,
  products: readonly Product[],
  factRef: string,
  asked: boolean,
  askedRefs: readonly string[] = asked ? [factRef] : [],
): FactVerdict {
  const fact = resolveFactRef(products, factRef);
  return fact ? judgeResolved(analysis, products, fact, asked, askedRefs) : 'absent';
}

/** Every fact of `products` the reply contradicts: options as `pid.key.value`, other facts as `pid.key`. */
export function findContradictions(
  _matcher: Matcher,
  analysis: Analysis,
  products: readonly Product[],
  askedRefs: readonly string[] = [],
): string[] {
  if (analysis.affirmed.size === 0 && analysis.negated.size === 0 && analysis.quantities.length === 0)
    return [];
  // A fact asked about in one of its cases (battery with the charging case) is read in that case here too.
  const askedCases = new Map<string, ResolvedFact>();
  for (const ref of askedRefs) {
    const fact = resolveFactRef(products, ref);
    if (fact?.condition !== undefined) askedCases.set(`${fact.product.id}.${fact.key}`, { ...fact, ref });
  }
  const refs: string[] = [];
  for (const product of products) {
    for (const [key, fact] of Object.entries(product.facts)) {
      if (fact.kind === 'options') {
        if (judgeCount(analysis, product.id, fact) === 'contradicted') refs.push(`${product.id}.${key}`);
        for (const option of fact.options)
          if (judgeOption(analysis, product.id, key, option, false) === 'contradicted')
            refs.push(`${product.id}.${key}.${option.value}`);
      } else {
        // Named as asked (pid.key.condition), so a wrong answer to it is one contradiction, not two.
        const resolvedFact = askedCases.get(`${product.id}.${key}`) ?? {
          ref: `${product.id}.${key}`,
          product,
          key,
          fact,
        };
        if (judgeResolved(analysis, products, resolvedFact, false, askedRefs) === 'contradicted')
          refs.push(resolvedFact.ref);
      }
    }
  }
  return refs;
}
