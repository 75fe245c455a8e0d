// 平时穿41拍41就行 · 平时穿M的拍L: the size to order said against the buyer's usual size. Shop assistants
// answer "does it run true to size" and "how big should I order" this way: the same size says the sizing is
// standard, a size up says it runs small (or, for wide feet, to take one size up), a size down that it runs
// large. The usual size is the reply's own (平时穿41…) or, when the reply only names the size to order
// (拍41就行), the buyer's line's. Pure.

/** A shoe size (41 · 41.5) or a letter size (s · m · l · xl · xxl · 2xl), as normalised text spells it. */
const SIZE = String.raw`(\d{2}(?:\.5)?|[2-4]?x{0,3}[sml])`;
/** 平时穿41 · 平常穿的是M · 一般穿42码: the usual size. */
const USUAL = new RegExp(
  String.raw`(平时|平常|一般|日常|正常)(都|一般)?(穿|是|买|拍)?(的|的是)?${SIZE}(?![\d.a-z])(码|号|的)?`,
);
/** 拍41 · 就选42码 · 买L的: the size to order, after an order or choosing verb. */
const CHOSEN = new RegExp(String.raw`(拍|买|选|入|下单|穿)${SIZE}(?![\d.a-z])`, 'g');

/** 平时穿多大就拍多大 · 平时穿啥码拍啥码 · 按平时的码拍: the size to order is the usual one, whatever it is. */
const SAME_AS_USUAL =
  /(平时|平常|一般)穿?(的是)?(多大|啥|什么)(码|号)?(的)?(就)?(拍|买|选|穿)(多大|啥|什么)|按(平时|平常)(穿)?的?(码|尺码|码数)?(拍|买|选)/;

const LETTERS = ['xs', 's', 'm', 'l', 'xl', 'xxl', 'xxxl'];
/** A shoe size is a number of two digits; 2xl is a letter size. */
const SHOE = /^\d{2}/;

/** A size's place in its order: its number, or the letter size's rank (2xl = xxl). */
function rank(size: string): number | undefined {
  if (SHOE.test(size)) return Number(size);
  const spelled = size.replace(/^([2-4])x/, (_, n: string) => 'x'.repeat(Number(n)));
  const at = LETTERS.indexOf(spelled);
  return at < 0 ? undefined : at;
}

export type SizeChoice = 'same' | 'larger' | 'smaller';

/**
 * Each size to order against the usual one: the same, larger or smaller (平时41的话拍41就可以，脚宽的话建议拍42 →
 * same, larger); none unless the usual size is said (in the reply before the chosen ones, or in the buyer's line)
 * and of the chosen one's kind (numbers or letters).
 */
export function usualSizeChoices(reply: string, buyerLine = ''): SizeChoice[] {
  const own = USUAL.exec(reply);
  const usual = own ?? USUAL.exec(buyerLine);
  if (!usual) return [];
  const from = usual[5]!;
  const a = rank(from);
  const choices: SizeChoice[] = [];
  for (const chosen of (own ? reply.slice(own.index + own[0].length) : reply).matchAll(CHOSEN)) {
    const to = chosen[2]!;
    const b = rank(to);
    if (a === undefined || b === undefined || SHOE.test(from) !== SHOE.test(to)) continue;
    choices.push(a === b ? 'same' : b > a ? 'larger' : 'smaller');
  }
  return choices;
}

/** The usual size the buyer's line says (我平时都穿36的 → 36), if any. */
export function usualSizeOf(line: string): string | undefined {
  return USUAL.exec(line)?.[5];
}

/** Does the reply say to order the usual size, whatever it is (平时穿多大就拍多大)? */
export const saysSameAsUsual = (reply: string): boolean => SAME_AS_USUAL.test(reply);

/**
 * How shops word each choice, to look up among a size fact's value, aliases and wrong values: the same size is
 * the standard sizing; a larger one is "take one up" or "it runs small"; a smaller one the reverse.
 */
export const SAYINGS_OF_CHOICE: Record<SizeChoice, readonly string[]> = {
  same: ['标准码', '标准尺码', '正常尺码', '按平时的码拍', '不偏码'],
  larger: ['拍大一码', '大一码', '偏小一码', '偏小'],
  smaller: ['拍小一码', '小一码', '偏大一码', '偏大'],
};
