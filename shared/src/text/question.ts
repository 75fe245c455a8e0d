// The buyer's own question, read for what a bare answer answers. Shop assistants answer a yes/no question by
// saying its words back or denying them (正不正 → 正的亲 · 要运费吗 → 不要运费哈 · 偏码吗 → 不偏码 · 要不要拍小一码
// → 不用哦), so the question is both what such an answer refers to and the proposition whose truth the catalogue
// decides (要运费吗 asks whether shipping is charged: 不要运费 says the free-shipping fact holds). Pure.
import type { Fact } from '../scenario/schema.ts';
import { costConcept, factConcept, oppositeConcept, wrongConcept } from './catalogue-concepts.ts';
import { factNumbers } from './fact-numbers.ts';
import type { ResolvedFact } from './fact-ref.ts';
import type { Analysis, Mention } from './matcher.ts';
import { normalise } from './normalise.ts';
import { stripParticles } from './particles.ts';

/** Asks what, how much, which, when: not answered by yes or no. */
const WH_WORDS = /什么|啥|多少|几|哪|怎么|怎样|咋|如何|多久|多大|多长|多重|多高|多宽|多厚|谁|为何/;
/** 正不正 · 要不要 · 包不包邮 · 打没打蜡: a question by A-not-A. */
const A_NOT_A = /(\p{Script=Han})[不没]\1/gu;
/** 吗 · 么 · 嘛 closing a clause, or a bare 不 / 没(有) / 否 (能拉走不 · 甜不): a yes/no question. */
const YES_NO_TAIL = /(吗|么|嘛|不|没有|没|否)[呀啊呢亲哈啦哦~]*$/u;
/** 是否 · 能否 · 可否 · 有无: a yes/no question said in writing. */
const WRITTEN_ASK = /(是|能|可|有)(否|无)/g;
/** 鸭绒还是鹅绒: an alternative question is no yes/no question unless it also ends in 吗 (还是赣州的吗). */
const ALTERNATIVE = /还是/;
const ENDS_IN_MA = /(吗|么)[呀啊呢亲哈啦哦~]*$/u;

/** One spelling for the modals a question and its answer swap freely: 可以换的 answers 能换吗. */
export function sameModals(text: string): string {
  return text.replace(/可以|能够|可/g, '能').replace(/需要|需/g, '要');
}

const clauseText = (analysis: Analysis, c: number) =>
  analysis.normalised.slice(c === 0 ? 0 : analysis.clauseEnds[c - 1]!, analysis.clauseEnds[c]);

/** Is clause c of the buyer's message a yes/no question (not what / which / how much, not A or B)? */
function asksYesNo(analysis: Analysis, c: number): boolean {
  const text = clauseText(analysis, c);
  if (WH_WORDS.test(text)) return false;
  if (ALTERNATIVE.test(text) && !ENDS_IN_MA.test(text)) return false;
  A_NOT_A.lastIndex = 0;
  WRITTEN_ASK.lastIndex = 0;
  return A_NOT_A.test(text) || YES_NO_TAIL.test(text) || WRITTEN_ASK.test(text);
}

/** 该拍哪个码 · 什么时候发货: the buyer's line asks only what / which / how, no yes/no question a bare 有 or 没 answers. */
export function asksOnlyWhat(analysis: Analysis): boolean {
  const clauses = analysis.clauseEnds.map((_, c) => c);
  return (
    clauses.some((c) => WH_WORDS.test(clauseText(analysis, c))) &&
    !clauses.some((c) => asksYesNo(analysis, c))
  );
}

/**
 * The proposition a yes/no question asks about, in the clauses given: 尺码正不正 → 尺码正 · 要不要拍大 → 要拍大
 * · 能拉走不 → 能拉走, without particles and with one spelling for modals; undefined when the clauses ask no
 * yes/no question or also ask what / which.
 */
export function propositionOf(
  analysis: Analysis,
  clauses: readonly number[],
  particles: readonly string[],
): string | undefined {
  const asking = clauses.filter((c) => asksYesNo(analysis, c));
  if (asking.length === 0) return undefined;
  if (clauses.some((c) => WH_WORDS.test(clauseText(analysis, c)))) return undefined;
  const said = clauses
    .map((c) =>
      clauseText(analysis, c).replace(A_NOT_A, '$1').replace(WRITTEN_ASK, '$1').replace(YES_NO_TAIL, ''),
    )
    .join('');
  const proposition = sameModals(stripParticles(said, particles));
  return proposition === '' ? undefined : proposition;
}

/**
 * Negators an answer opens with, longest first; the modal each denies said alone (没有 → 有没有); and whether
 * the question must hold that modal even when more follows: 不用 denies a need (要不要 · 需要自己装吗 · 要给钱吗),
 * so 不用试 does not answer 能试用吗.
 */
const DENIALS: readonly (readonly [string, string, boolean])[] = [
  ['不要', '要', true],
  ['不用', '要', true],
  ['无需', '要', true],
  ['没有', '有', false],
  ['木有', '有', false],
  ['没得', '有', false],
  ['莫得', '有', false],
  ['不是', '是', false],
  ['不会', '会', false],
  ['不能', '能', false],
  ['没', '有', false],
  ['不', '', false],
];
const HAN = /\p{Script=Han}/u;
/** 啥也 · 什么都 · 一点都 · 一点儿也: "nothing / not a bit", said before the denial it strengthens. */
const TOTALLY = /^(啥|什么|一点儿?|一丁点|任何东西)(也|都)/;
const LEADING_MODAL = /^(能|会|要|有|是)/;
/** Adverbs an answer adds before the question's verb without changing it: 可以免费刻 · 都能发 · 当然包. */
const LEADING_ADVERBS = /^(免费|直接|也|都|当然|肯定|完全|随时|照样|一样|正常)+/;
/** A question about paying (安装要钱吗 · 刻字收费吗 · 要另外加钱吗), answered "free" (免费的 · 一分钱不收): no. */
const ASKS_CHARGE = /要钱|收钱|收费|加钱|花钱|付钱|给钱|另外收|额外收|要费用/;
const SAYS_FREE = /免费|不收|不要钱|不用钱|不花钱|不加钱|不用花钱|不另外收|白送/;

/**
 * What one clause of the reply, said bare (courtesy, filler and particles gone), answers the proposition:
 * the proposition's own words said back (正 · 保真 · 能刻 · 能发) are yes; denied (不偏码 · 不要运费 · 不用给 ·
 * 不另外收钱), or the question's modal denied alone (不用 · 不用不用 to 要不要 / 需要), no.
 */
export function echoOf(bare: string, proposition: string): 'yes' | 'no' | undefined {
  const said = sameModals(bare);
  if (said === '' || !HAN.test(said)) return undefined;
  if (ASKS_CHARGE.test(proposition) && SAYS_FREE.test(said)) return 'no';
  // 啥也没打 · 什么都没加 · 一点都不掉: "none at all" before a denial denies the question's verb outright.
  const total = TOTALLY.exec(said);
  if (total !== null && DENIALS.some(([negator]) => said.slice(total[0].length).startsWith(negator)))
    return echoOf(said.slice(total[0].length), proposition);
  const denial = DENIALS.find(([negator]) => said.startsWith(negator));
  if (denial === undefined) {
    // 能发的 to 西藏发货不 · 有降噪的 to 能降噪吗 · 可以免费刻 to 能刻字吗: a modal or an adverb put before the
    // question's own words still says them.
    const bare = said.replace(LEADING_MODAL, '').replace(LEADING_ADVERBS, '');
    return proposition.includes(said) || (HAN.test(bare) && proposition.includes(bare)) ? 'yes' : undefined;
  }
  const [negator, modal, needed] = denial;
  let rest = said.slice(negator.length);
  while (rest.startsWith(negator)) rest = rest.slice(negator.length);
  const modalAsked = modal !== '' && proposition.includes(modal);
  if (rest === '') return modalAsked ? 'no' : undefined;
  if (needed && !modalAsked) return undefined;
  return HAN.test(rest) && proposition.includes(rest) ? 'no' : undefined;
}

/** The Han characters two texts share in order (longest common subsequence). */
function sharedInOrder(a: string, b: string): number {
  const x = [...a].filter((ch) => HAN.test(ch));
  const y = [...b].filter((ch) => HAN.test(ch));
  let previous = new Array<number>(y.length + 1).fill(0);
  for (const ch of x) {
    const row = new Array<number>(y.length + 1).fill(0);
    for (let j = 0; j < y.length; j++)
      row[j + 1] = ch === y[j] ? previous[j]! + 1 : Math.max(previous[j + 1]!, row[j]!);
    previous = row;
  }
  return previous[y.length]!;
}

/** The lexicon's concept for "the buyer pays" (自理 · 另外收 · 自己装), as judge-fact reads costs. */
const CHARGE = 'charge';

/** A term that is itself a denial (不偏大也不偏小 · 不退不换) says the opposite of what its words name. */
const DENYING = /[不没无未非别]/;

/**
 * Which the proposition of a question about a value fact resembles more, the catalogue's value (尺码正 ·
 * 要拍大 for 脚宽建议拍大一码) or one of its wrong values (偏码 · 要拍小一码 for 偏小一码), by the characters
 * that tell them apart (码 is in both 标准码 and 偏大一码): true, false, or undefined when neither wins.
 */
function resembles(proposition: string, fact: Fact & { kind: 'value' }): boolean | undefined {
  const forms = (terms: readonly string[]) => terms.map(normalise).filter((t) => !DENYING.test(t));
  const rightTerms = forms([fact.value, ...fact.aliases]);
  const wrongTerms = forms(fact.wrong);
  const charsOf = (terms: string[]) => new Set(terms.flatMap((t) => [...t]));
  const best = (terms: string[], others: Set<string>) =>
    Math.max(
      0,
      ...terms.map((t) => sharedInOrder(proposition, [...t].filter((ch) => !others.has(ch)).join(''))),
    );
  const right = best(rightTerms, charsOf(wrongTerms));
  const wrong = best(wrongTerms, charsOf(rightTerms));
  return right === wrong ? undefined : right > wrong;
}

/** 够吗 · 够不够 · 够用吗: the buyer asks whether the goods suffice for an amount they name. */
const SUFFICES = /够/;

/** A negator standing right before a term of the question (不包邮吗 · 没有运费险吗). */
const DENIER_BEFORE = /^(不|没有?|不是|无|未|不能|不会|不要|不用|不可以?)$/;

/**
 * Denied in the question itself. The 不 of a yes/no tail (包邮不 · 有运费险不) asks, and a negator further off
 * belongs to a condition (吃着不甜能退吗 · 拆开了没用能退吗), not to the term.
 */
function deniedRightBefore(question: Analysis, m: Mention): boolean {
  return (
    m.negated &&
    m.negator !== undefined &&
    m.negator < m.start &&
    DENIER_BEFORE.test(question.normalised.slice(m.negator, m.start))
  );
}

/**
 * Whether the buyer's yes/no question, as worded, is true of the asked fact: 包邮吗 of free shipping yes, 要运费吗
 * no (it names the cost), 需要自己装吗 no (a charge of what installation spares), 会漏吗 no (the opposite), 还是
 * 赣州的吗 yes (the value), 是鹅绒吗 no (a wrong value), 偏码吗 no (more like 偏大一码 than 标准码). Undefined when
 * the catalogue cannot tell (a number fact, a number in a value question, a value question like neither).
 */
export function questionHolds(
  question: Analysis,
  clauses: readonly number[],
  proposition: string,
  fact: ResolvedFact,
): boolean | undefined {
  const { product, key } = fact;
  const said = question.mentions.filter((m) => clauses.includes(m.clause));
  const named = (concept: string) => said.filter((m) => m.concept === concept);
  const sign = (concept: string): boolean | undefined => {
    const found = named(concept);
    return found.length === 0 ? undefined : !found.some((m) => deniedRightBefore(question, m));
  };
  switch (fact.fact.kind) {
    case 'options': {
      if (fact.option === undefined) return undefined;
      return fact.option.inStock;
    }
    case 'yesno': {
      const value = fact.condition === undefined ? fact.fact.value : fact.fact.except[fact.condition]!.value;
      const costs = fact.fact.costs.length > 0;
      // What the fact spares said to be charged (需要自己装 · 另外收钱 for free installation), or the cost alone
      // (要运费吗): the question asks whether it is not so.
      const charged = costs && named(CHARGE).some((m) => !deniedRightBefore(question, m));
      const term = sign(factConcept(product.id, key));
      const opposite = sign(oppositeConcept(product.id, key));
      const cost = named(costConcept(product.id, key)).length > 0;
      let asks: boolean;
      if (charged) asks = false;
      else if (term !== undefined) asks = term;
      else if (opposite !== undefined) asks = !opposite;
      else asks = !cost;
      return asks === value;
    }
    case 'value': {
      const right = sign(factConcept(product.id, key));
      const wrong = sign(wrongConcept(product.id, key));
      if (right !== undefined) return right;
      if (wrong !== undefined) return !wrong;
      if (question.quantities.some((q) => clauses.includes(q.clause))) return undefined;
      return resembles(proposition, fact.fact);
    }
    case 'number': {
      // 我家3口人够吗 · 够不够五个人吃: whether the fact covers the amount the buyer needs, which it does up to its
      // largest value. Other number questions (能用10小时吗 · 三天能到吗) leave open which way the fact must go.
      if (!SUFFICES.test(proposition)) return undefined;
      const right = factNumbers(fact.fact).right.filter((r) => r.when === fact.condition);
      const needed = question.quantities.filter(
        (q) => clauses.includes(q.clause) && right.some((r) => r.dimension === q.dimension),
      );
      if (needed.length === 0) return undefined;
      const most = Math.max(...right.map((r) => r.max + r.tolerance));
      return needed.every((q) => q.max <= most);
    }
  }
}
