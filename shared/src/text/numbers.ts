// Numbers as shop assistants write them: Arabic and Chinese numerals, ranges (3-5天 · 三到五天 ·
// 两三天 · 一两天), halves (一个半小时 · 半年), relative days (明天 · 后天), percentages (90% · 百分之九十) and
// units (元/块 · 天/小时/h · 克/g/kg/斤 · L/升 · 人 …), with the bound a phrase puts on them (48小时内 is at
// most 48 h, 至少 at least, 左右 about, 后天就到 a promise of at most two days). Read on the NFKC source,
// where 1.5, 3-5 and 90% still have their marks.
import { UNITS, type UnitName } from '../scenario/units.ts';

/** at most (内 · 以内 · 最多 · 就到) · at least (以上 · 至少 · 最快) · about (左右 · 大概) · as said */
export type Bound = 'max' | 'min' | 'approx' | 'exact';

export interface Quantity {
  /** Offsets in the source text the quantity was read from. */
  start: number;
  end: number;
  /** The amount in base units of its dimension (a point has min = max). */
  min: number;
  max: number;
  unit: UnitName;
  dimension: string;
  bound: Bound;
  /** The character just before the number when it names what is measured (宽 60 · 高 85), else ''. */
  label: string;
  /** Days counted from now (今天 · 明天 · 后天) or from the order (当天 · 次日); absent for plain amounts. */
  from?: 'now' | 'order';
}

const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const MULTIPLIERS: Record<string, number> = { 十: 10, 百: 100, 千: 1000, 万: 10000 };
const isChineseNumeral = (ch: string) => ch in DIGITS || ch in MULTIPLIERS;

/** 二十五 → 25, 一百二 → 120, 十 → 10; undefined when not a well-formed numeral. */
function chineseValue(run: string): number | undefined {
  let total = 0;
  let section = 0;
  let digit: number | undefined;
  let lastMultiplier = 1;
  for (const ch of run) {
    if (ch in DIGITS) {
      if (digit !== undefined) return undefined;
      digit = DIGITS[ch]!;
    } else {
      const m = MULTIPLIERS[ch]!;
      if (m === 10000) {
        total += (section + (digit ?? 0)) * m;
        section = 0;
      } else section += (digit ?? 1) * m;
      digit = undefined;
      lastMultiplier = m;
    }
  }
  // 一百二 = 120: a trailing digit after 百/千 counts in the next lower place.
  if (digit !== undefined) section += lastMultiplier >= 100 ? digit * (lastMultiplier / 10) : digit;
  return total + section;
}

/** Unit spellings, longest first, each with its unit. */
const SPELLINGS: readonly [string, UnitName][] = (
  Object.entries(UNITS) as [UnitName, { spellings: readonly string[] }][]
)
  .flatMap(([unit, def]) => def.spellings.map((s) => [s, unit] as [string, UnitName]))
  .sort((a, b) => b[0].length - a[0].length);

const LATIN = /[a-z]/;
function unitAt(text: string, i: number): { unit: UnitName; end: number } | undefined {
  for (const [spelling, unit] of SPELLINGS) {
    if (!text.startsWith(spelling, i)) continue;
    const end = i + spelling.length;
    // A latin unit must end there: "5g" and "5 kg", not the "m" of "5mm" nor of "3min" read as metres.
    if (LATIN.test(spelling) && LATIN.test(text[end] ?? '')) continue;
    return { unit, end };
  }
  return undefined;
}

/** A numeral at i: its value (or range, for 两三 / 三五), where it ends. */
interface Numeral {
  min: number;
  max: number;
  end: number;
  chinese: boolean;
}

const APPROXIMATE_PAIRS = new Set([
  '一两',
  '两三',
  '二三',
  '三四',
  '三五',
  '四五',
  '五六',
  '六七',
  '七八',
  '八九',
]);

function numeralAt(text: string, i: number): Numeral | undefined {
  const arabic = /^\d+(?:\.\d+)?/.exec(text.slice(i, i + 24));
  if (arabic) {
    const value = Number(arabic[0]);
    return { min: value, max: value, end: i + arabic[0].length, chinese: false };
  }
  let end = i;
  while (end < text.length && isChineseNumeral(text[end]!)) end++;
  if (end === i) return undefined;
  const run = text.slice(i, end);
  if (APPROXIMATE_PAIRS.has(run)) {
    const [a, b] = [DIGITS[run[0]!]!, DIGITS[run[1]!]!];
    return { min: a, max: b, end, chinese: true };
  }
  const value = chineseValue(run);
  return value === undefined ? undefined : { min: value, max: value, end, chinese: true };
}

/** Days counted from now (今天发 · 后天就到) or from the order (当天发货 · 次日达). */
const RELATIVE_DAYS: readonly [string, number, 'now' | 'order'][] = [
  ['大后天', 3, 'now'],
  ['当天', 0, 'order'],
  ['今天', 0, 'now'],
  ['今日', 0, 'now'],
  ['当日', 0, 'order'],
  ['明天', 1, 'now'],
  ['次日', 1, 'order'],
  ['隔天', 1, 'order'],
  ['第二天', 1, 'order'],
  ['明儿', 1, 'now'],
  ['后天', 2, 'now'],
];

const RANGE_JOINERS = ['到', '至', '-', '~', '～', '—', '–', '或'];
const AFTER_BOUNDS: readonly [string, Bound][] = [
  ['以内', 'max'],
  ['之内', 'max'],
  ['以下', 'max'],
  ['内', 'max'],
  ['以上', 'min'],
  ['起', 'min'],
  ['左右', 'approx'],
  ['上下', 'approx'],
  ['出头', 'approx'],
  ['多', 'approx'],
  ['就能', 'max'],
  ['就可以', 'max'],
  ['就会', 'max'],
  ['就', 'max'],
];
const BEFORE_BOUNDS: readonly [string, Bound][] = [
  ['不超过', 'max'],
  ['最多', 'max'],
  ['最长', 'max'],
  ['最晚', 'max'],
  ['最迟', 'max'],
  ['至多', 'max'],
  ['不到', 'max'],
  ['至少', 'min'],
  ['最少', 'min'],
  ['最快', 'min'],
  ['起码', 'min'],
  ['最短', 'min'],
  ['大概', 'approx'],
  ['大约', 'approx'],
  ['差不多', 'approx'],
  ['一般', 'approx'],
  ['基本', 'approx'],
  ['正常', 'approx'],
  ['估计', 'approx'],
  ['约', 'approx'],
];
/** Single characters that name what a number measures when they stand right before it (宽60 · 高85). */
const LABELS = new Set(['宽', '高', '深', '长', '厚', '重']);

const SKIPPABLE = /[\s个]/;

function boundBefore(text: string, start: number): Bound | undefined {
  const before = text.slice(Math.max(0, start - 4), start);
  for (const [word, bound] of BEFORE_BOUNDS) if (before.endsWith(word)) return bound;
  return undefined;
}

function boundAfter(text: string, end: number): { bound: Bound; end: number } | undefined {
  for (const [word, bound] of AFTER_BOUNDS) {
    if (!text.startsWith(word, end)) continue;
    // 多 is "more than" only right after the unit (三天多), not 多久; 就 only as 就到/就发 (a promise).
    return { bound, end: end + word.length };
  }
  return undefined;
}

/** Every quantity with a unit in `source` (NFKC, lower-cased), in text order. */
export function readQuantities(source: string): Quantity[] {
  const out: Quantity[] = [];
  const n = source.length;
  for (let i = 0; i < n; ) {
    const relative = RELATIVE_DAYS.find(([word]) => source.startsWith(word, i));
    if (relative) {
      const [word, days, from] = relative;
      const end = i + word.length;
      const after = boundAfter(source, end);
      out.push({
        start: i,
        end,
        min: days * UNITS.天.factor,
        max: days * UNITS.天.factor,
        unit: '天',
        dimension: 'time',
        bound: after?.bound === 'max' ? 'max' : 'exact',
        label: '',
        from,
      });
      i = end;
      continue;
    }
    const percentWord = source.startsWith('百分之', i);
    const first = numeralAt(source, percentWord ? i + 3 : i);
    // Not inside a longer number or a latin word (no 5 in 2025, no 3 in mp3).
    const previous = source[i - 1] ?? '';
    if (!first || /[\d.a-z]/.test(previous)) {
      i++;
      continue;
    }
    let min = first.min;
    let max = first.max;
    let j = first.end;
    let unit: { unit: UnitName; end: number } | undefined;
    if (percentWord) unit = { unit: '%', end: j };
    else {
      // 一个半小时 · 两个月: 个 and 半 may stand between the number and its unit.
      while (j < n && SKIPPABLE.test(source[j]!)) j++;
      if (source[j] === '半') {
        min += 0.5;
        max += 0.5;
        j++;
      }
      unit = unitAt(source, j);
      if (!unit) {
        // 3-5天 · 三到五天 · 1至3天: a range whose unit follows the second number.
        const joiner = RANGE_JOINERS.find((w) => source.startsWith(w, first.end));
        const second = joiner === undefined ? undefined : numeralAt(source, first.end + joiner.length);
        if (second) {
          let k = second.end;
          while (k < n && SKIPPABLE.test(source[k]!)) k++;
          const secondUnit = unitAt(source, k);
          if (secondUnit) {
            max = second.max;
            unit = secondUnit;
          }
        }
      }
    }
    // 半年 · 半个月: a half with no numeral before it.
    if (!unit) {
      i = Math.max(first.end, i + 1);
      continue;
    }
    // A bare Chinese 一 before a unit-like character is usually not a quantity (一点 · 一下): units only.
    const def = UNITS[unit.unit];
    let end = unit.end;
    // 1天到3天: a second unit-bearing number after a joiner widens the range.
    const joiner = RANGE_JOINERS.find((w) => source.startsWith(w, end));
    if (joiner !== undefined) {
      const second = numeralAt(source, end + joiner.length);
      const secondUnit = second && unitAt(source, second.end);
      if (second && secondUnit && secondUnit.unit === unit.unit) {
        max = second.max;
        end = secondUnit.end;
      }
    }
    const after = boundAfter(source, end);
    const bound = boundBefore(source, percentWord ? i : i) ?? after?.bound ?? 'exact';
    const label = LABELS.has(previous) ? previous : '';
    out.push({
      start: i,
      end,
      min: Math.min(min, max) * def.factor,
      max: Math.max(min, max) * def.factor,
      unit: unit.unit,
      dimension: def.dimension,
      bound,
      label,
    });
    i = end;
  }
  return withHalves(source, out);
}

/** 半年 · 半个月 · 半小时: a half with no numeral before it. */
function withHalves(source: string, found: Quantity[]): Quantity[] {
  const out = [...found];
  for (let i = source.indexOf('半'); i >= 0; i = source.indexOf('半', i + 1)) {
    if (out.some((q) => q.start <= i && i < q.end)) continue;
    if (isChineseNumeral(source[i - 1] ?? '') || /\d/.test(source[i - 1] ?? '')) continue;
    let j = i + 1;
    while (j < source.length && SKIPPABLE.test(source[j]!)) j++;
    const unit = unitAt(source, j);
    if (!unit || UNITS[unit.unit].dimension !== 'time') continue;
    const def = UNITS[unit.unit];
    const after = boundAfter(source, unit.end);
    out.push({
      start: i,
      end: unit.end,
      min: 0.5 * def.factor,
      max: 0.5 * def.factor,
      unit: unit.unit,
      dimension: def.dimension,
      bound: boundBefore(source, i) ?? after?.bound ?? 'exact',
      label: '',
    });
  }
  return out.sort((a, b) => a.start - b.start);
}
