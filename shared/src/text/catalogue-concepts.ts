// The catalogue speaks the lexicon's language: every product, option and fact becomes a concept with
// terms, so one matcher spots both "包邮" (lexicon) and "酒红" (an alias of option 红色).
import type { Product } from '../scenario/schema.ts';

export const productConcept = (pid: string): string => `product:${pid}`;
export const optionConcept = (pid: string, key: string, value: string): string =>
  `option:${pid}.${key}.${value}`;
/** A value fact's value and aliases, or a yes/no fact's terms. */
export const factConcept = (pid: string, key: string): string => `fact:${pid}.${key}`;
/** A value fact's `wrong` list: saying one of these contradicts the catalogue. */
export const wrongConcept = (pid: string, key: string): string => `wrong:${pid}.${key}`;
/** A yes/no fact's opposite words (漏 for 防漏): affirmed, they deny the fact; denied (不漏), they state it. */
export const oppositeConcept = (pid: string, key: string): string => `opposite:${pid}.${key}`;
/** What a yes/no fact spares the buyer (运费 for 包邮): said to be charged, it denies the fact. */
export const costConcept = (pid: string, key: string): string => `cost:${pid}.${key}`;

/** 不闷 · 没异味: a term that is a denial names its opposite too (闷 · 异味). */
const DENYING_PREFIX = /^(不|没)(?=\p{Script=Han})/u;
function derivedOpposites(terms: readonly string[]): string[] {
  return terms.filter((t) => DENYING_PREFIX.test(t)).map((t) => t.replace(DENYING_PREFIX, ''));
}

/** M码 · XL号 → M · XL: a size in latin letters is named without its 码/号 (穿M的刚好 · 拍XL). */
function sizeLetters(name: string): string | undefined {
  return /^([a-z]+)[码号]$/i.exec(name.trim())?.[1];
}

/** Numerals, times and function characters: a wrong value's stem holding one is no name of a material. */
const NOT_A_STEM = /[\d零一二两三四五六七八九十百千万半天日周月年后内也的]/u;
const HAN_ONLY = /^\p{Script=Han}{2,}$/u;
const NUMERAL = /[零一二两三四五六七八九十百千万半]/;

/**
 * A wrong value also said without the noun it shares with the right one: 化纤表层 → 化纤 (表面是化纤的) when
 * the value is 亲肤棉柔表层, 不锈钢内胆 → 不锈钢 when it is 不粘涂层内胆. Only names (no numbers, no time words).
 */
export function wrongStems(value: string, aliases: readonly string[], wrong: readonly string[]): string[] {
  const rights = [value, ...aliases];
  const stems: string[] = [];
  for (const w of wrong) {
    let best = 0;
    for (const r of rights) {
      let n = 0;
      while (n < w.length && n < r.length && w[w.length - 1 - n] === r[r.length - 1 - n]) n++;
      best = Math.max(best, n);
    }
    const [stem, head] = [w.slice(0, w.length - best), w.slice(w.length - best)];
    const named = best >= 2 && HAN_ONLY.test(stem) && HAN_ONLY.test(head);
    if (named && !NOT_A_STEM.test(stem) && !NUMERAL.test(head) && !rights.includes(stem)) stems.push(stem);
  }
  return stems;
}

/** 只换不修 · 只退不换: a value that offers one remedy and rules out another. */
const ONLY_NOT = /只(\p{Script=Han})不(\p{Script=Han})/u;
/** How a reply offers a remedy to the buyer: 给您修 · 可以修 · 免费修. */
const OFFERING = ['给您', '帮您', '给你', '帮你', '可以', '能', '免费', '包'];

/**
 * The remedy a value rules out (一年只换不修 → 修), as a reply would offer it (给您修 · 可以修 · 包修): saying so
 * contradicts the value.
 */
export function ruledOutOffers(value: string, aliases: readonly string[]): string[] {
  const verbs = new Set<string>();
  for (const v of [value, ...aliases]) {
    const ruled = ONLY_NOT.exec(v.normalize('NFKC'));
    if (ruled) verbs.add(ruled[2]!);
  }
  return [...verbs].flatMap((verb) => OFFERING.map((o) => `${o}${verb}`));
}

/** Verbs that move the goods somewhere, and what may join them to the place: 送到 · 搬上去 · 放在 · 送货到家. */
const MOVING = ['送', '送货', '配送', '搬', '抬', '扛', '拉', '运', '放', '卸', '卸货'];
const TO_PLACE = ['', '到', '至', '进', '在', '给您送到', '上'];
/** Where the goods end up: in the buyer's home (upstairs, indoors)… */
const HOME_PLACES = [
  '家',
  '家里',
  '家中',
  '到家',
  '您家',
  '您家里',
  '你家',
  '家门口',
  '楼上',
  '上去',
  '上楼',
  '入户',
  '屋里',
  '户内',
];
/** …or short of it (at the gate, downstairs, a pick-up point). */
const SHORT_PLACES = [
  '楼下',
  '一楼',
  '小区门口',
  '小区外面',
  '小区',
  '门卫',
  '门卫室',
  '单元门口',
  '驿站',
  '菜鸟驿站',
  '快递站',
  '快递点',
  '自提点',
  '路边',
];
const moved = (places: readonly string[]) =>
  MOVING.flatMap((verb) => TO_PLACE.flatMap((to) => places.map((place) => `${verb}${to}${place}`)));

/**
 * A yes/no fact that brings the goods into the home (送货上楼 · 送到家里) is said by any verb that moves them
 * there (搬上去 · 送货到家), and denied by one that leaves them short of it (送到小区门口 · 放楼下 · 送到驿站).
 */
function placeTerms(terms: readonly string[]): { home: string[]; short: string[] } {
  const home = terms.some((t) => HOME_PLACES.some((p) => p.length > 1 && t.includes(p)));
  return home ? { home: moved(HOME_PLACES), short: moved(SHORT_PLACES) } : { home: [], short: [] };
}

/** A blend (羊毛混纺 · 棉混纺): its fibre said pure (纯羊毛 · 百分百羊毛 · 全羊毛) is the wrong value. */
const BLEND = /^(\p{Script=Han}{2,})混纺$/u;
const PURE = ['纯', '全', '百分百', '百分之百', '100%'];
export function pureClaims(value: string, aliases: readonly string[]): string[] {
  const fibres = [value, ...aliases].flatMap((v) => BLEND.exec(v.normalize('NFKC'))?.[1] ?? []);
  return fibres.flatMap((fibre) => PURE.map((p) => `${p}${fibre}`));
}

export interface ConceptTerms {
  concept: string;
  topic: string | undefined;
  terms: readonly string[];
  /** For options: the concept ids of every option of the same fact (for 只有 X). */
  optionGroup?: readonly string[];
}

export function catalogueConcepts(products: readonly Product[]): ConceptTerms[] {
  const concepts: ConceptTerms[] = [];
  for (const product of products) {
    concepts.push({
      concept: productConcept(product.id),
      topic: undefined,
      terms: [product.name, ...product.aliases],
    });
    for (const [key, fact] of Object.entries(product.facts)) {
      if (fact.kind === 'options') {
        const group = fact.options.map((o) => optionConcept(product.id, key, o.value));
        fact.options.forEach((option, i) => {
          const names = [option.value, ...option.aliases];
          concepts.push({
            concept: group[i]!,
            topic: fact.topic,
            terms: [...names, ...names.map(sizeLetters).filter((n): n is string => n !== undefined)],
            optionGroup: group,
          });
        });
      } else if (fact.kind === 'value') {
        concepts.push({
          concept: factConcept(product.id, key),
          topic: fact.topic,
          terms: [fact.value, ...fact.aliases],
        });
        const ruledOut = [
          ...ruledOutOffers(fact.value, fact.aliases),
          ...pureClaims(fact.value, fact.aliases),
        ];
        if (fact.wrong.length > 0 || ruledOut.length > 0)
          concepts.push({
            concept: wrongConcept(product.id, key),
            topic: fact.topic,
            terms: [...fact.wrong, ...wrongStems(fact.value, fact.aliases, fact.wrong), ...ruledOut],
          });
      } else if (fact.kind === 'number') {
        if (fact.terms.length > 0)
          concepts.push({ concept: factConcept(product.id, key), topic: fact.topic, terms: fact.terms });
      } else {
        const places = placeTerms(fact.terms);
        concepts.push({
          concept: factConcept(product.id, key),
          topic: fact.topic,
          terms: [...fact.terms, ...places.home],
        });
        const opposite = [...fact.opposite, ...derivedOpposites(fact.terms), ...places.short];
        if (opposite.length > 0)
          concepts.push({ concept: oppositeConcept(product.id, key), topic: fact.topic, terms: opposite });
        if (fact.costs.length > 0)
          concepts.push({ concept: costConcept(product.id, key), topic: fact.topic, terms: fact.costs });
      }
    }
  }
  return concepts;
}
