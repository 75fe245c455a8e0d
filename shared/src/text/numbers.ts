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
  /** One side of a size (200×230): never the name of something else. */
  side?: true;
}

const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  // 俩天 · 仨月: the spoken two and three, like 两 only where a number starts.
  俩: 2,
  三: 3,
  仨: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const MULTIPLIERS: Record<string, number> = { 十: 10, 百: 100, 千: 1000, 万: 10000 };
const isChineseNumeral = (ch: string) => ch in DIGITS || ch in MULTIPLIERS;
/** Numerals that open a number but never stand inside one (五斤六两: 两 is the unit there). */
const OPENING_ONLY = new Set(['两', '俩', '仨']);

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
/** A unit character that starts another word here is no unit: 满199包邮 · 四件套 · 两包装. */
const NOT_A_UNIT: Partial<Record<string, RegExp>> = { 包: /^[邮装退换赔括含裹油]/, 件: /^套/, 两: /^[个只]/ };
function unitAt(text: string, i: number): { unit: UnitName; end: number } | undefined {
  for (const [spelling, unit] of SPELLINGS) {
    if (!text.startsWith(spelling, i)) continue;
    const end = i + spelling.length;
    // A latin unit must end there: "5g" and "5 kg", not the "m" of "5mm" nor of "3min" read as metres.
    if (LATIN.test(spelling) && LATIN.test(text[end] ?? '')) continue;
    if (NOT_A_UNIT[spelling]?.test(text.slice(end, end + 1))) continue;
    return { unit, end };
  }
  return undefined;
}

/** A numeral at i: its value (or range, for 两三 / 三五), where it ends. */
export interface Numeral {
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

/**
 * 三点五克 · 一点二五米: the 点 of a Chinese decimal, read only where a unit of measure follows its digits —
 * 三点半 · 三点五十 · 三点五分 are clock times, and a clock time is not an amount.
 */
function chineseDecimalAt(text: string, i: number): { fraction: number; end: number } | undefined {
  if (text[i] !== '点') return undefined;
  let end = i + 1;
  let fraction = 0;
  let scale = 0.1;
  while (end < text.length && text[end]! in DIGITS && !OPENING_ONLY.has(text[end]!)) {
    fraction += DIGITS[text[end]!]! * scale;
    scale /= 10;
    end++;
  }
  if (end === i + 1) return undefined;
  const unit = unitAt(text, end);
  if (unit === undefined || UNITS[unit.unit].dimension === 'time') return undefined;
  return { fraction, end };
}

/** The numeral starting at `i` (Arabic or Chinese, 两三 · 三十五六 as ranges), if one does. */
export function numeralAt(text: string, i: number): Numeral | undefined {
  const arabic = /^\d+(?:\.\d+)?/.exec(text.slice(i, i + 24));
  if (arabic) {
    const value = Number(arabic[0]);
    return { min: value, max: value, end: i + arabic[0].length, chinese: false };
  }
  // 两 is a numeral where a number starts (两三天 · 两百); inside one it is the unit 两 (五斤六两 · 三两多).
  let end = i;
  while (
    end < text.length &&
    isChineseNumeral(text[end]!) &&
    (!OPENING_ONLY.has(text[end]!) || end === i || APPROXIMATE_PAIRS.has(text.slice(end - 1, end + 1)))
  )
    end++;
  if (end === i) return undefined;
  const run = text.slice(i, end);
  if (APPROXIMATE_PAIRS.has(run)) {
    const [a, b] = [DIGITS[run[0]!]!, DIGITS[run[1]!]!];
    return { min: a, max: b, end, chinese: true };
  }
  const value = chineseValue(run);
  if (value !== undefined) {
    const decimal = chineseDecimalAt(text, end);
    if (decimal !== undefined)
      return {
        min: value + decimal.fraction,
        max: value + decimal.fraction,
        end: decimal.end,
        chinese: true,
      };
    return { min: value, max: value, end, chinese: true };
  }
  // 三十五六个 · 一百五六: a round number whose last digit is a pair of neighbours.
  const pair = run.slice(-2);
  if (run.length >= 3 && APPROXIMATE_PAIRS.has(pair)) {
    const low = chineseValue(run.slice(0, -1));
    const high = chineseValue(run.slice(0, -2) + pair[1]!);
    if (low !== undefined && high !== undefined) return { min: low, max: high, end, chinese: true };
  }
  return undefined;
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

const SKIPPABLE = /[\s个整]/;

/** 终身质保 · 永久保修: a lifetime, longer than any term a catalogue states. */
const LIFETIME = ['终身', '永久', '一辈子'] as const;
const LIFETIME_YEARS = 100;
/** Between the sides of a size: 200x230 · 两米乘两米三 · 60*56. */
const TIMES = ['乘以', '乘', '×', 'x', '*'] as const;
/** Right before a number: it adds to the amount said just before (耳机8小时，充电仓再加22小时). */
const ADDING = /(再加|再续|加上|另加)$/;
/** Right after a percentage: a degree (100%不掉绒 · 百分百正品), not a composition (100%纯棉). */
const DEGREE_AFTER = /^[不没无保正满好有安放真是能会可绝]/;
/** Units a lone digit after them counts tenths of: 一米八 · 两斤四 · 三块五. */
const TENTHS = new Set<UnitName>(['米', '斤', '元']);

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

/**
 * The unit after a number at j: 个 and 整 may stand between (两个月 · 一整天), and 半 before the unit adds a
 * half (一个半小时); 个 is itself a unit only when no other unit follows it (35个 · 3个人).
 */
function unitAfter(text: string, j: number): { unit: UnitName; end: number; half: boolean } | undefined {
  const direct = unitAt(text, j);
  let k = j;
  while (k < text.length && SKIPPABLE.test(text[k]!)) k++;
  const half = text[k] === '半';
  if (half) k++;
  const skipped = k > j ? unitAt(text, k) : undefined;
  if (skipped && (!direct || direct.unit === '个' || direct.end <= skipped.end)) return { ...skipped, half };
  return direct && { ...direct, half: false };
}

const digitAt = (text: string, i: number): number | undefined => {
  const ch = text[i] ?? '';
  if (/\d/.test(ch)) return Number(ch);
  return OPENING_ONLY.has(ch) ? undefined : DIGITS[ch];
};

const startsNumber = (text: string, i: number) =>
  isChineseNumeral(text[i] ?? '') || /[\d.]/.test(text[i] ?? '');
/** 两块五一个 · 三块五一斤: after the tenths digit a new amount with its own unit starts (a price per unit). */
const startsCountedAmount = (text: string, i: number) => {
  const next = numeralAt(text, i);
  return next !== undefined && unitAfter(text, next.end) !== undefined;
};

/** One amount at i (numeral, unit and what may follow the unit), or a number without a unit. */
interface Reading {
  min: number;
  max: number;
  unit: UnitName | undefined;
  end: number;
  /** Said as "about" by its own words (十来天). */
  approx?: boolean;
}

/** Small change said alone: 五毛 · 八角钱 · 五分钱 (角 and 分 only with 钱: 八角 is a spice, 十分 "very"). */
const SMALL_CHANGE_ALONE = /^(?:毛钱?|角钱|分钱)/;
const CHANGE_DIGIT = '[零一二两三四五六七八九\\d]';
/** After 元: 二毛五 · 2角5分 · 五毛 · 零五分. */
const SMALL_CHANGE = new RegExp(
  `^(?:(${CHANGE_DIGIT})[毛角](?:(${CHANGE_DIGIT})分?)?|零(${CHANGE_DIGIT})分)`,
);
const digitValue = (ch: string) => (ch === '两' ? 2 : (digitAt(ch, 0) ?? 0));

/** The tenths and hundredths of a yuan after 元 (一块二毛五 → 0.25), with where they end. */
function smallChange(source: string, at: number): { value: number; end: number } | undefined {
  const match = SMALL_CHANGE.exec(source.slice(at, at + 5));
  if (!match) return undefined;
  const tenths = match[1] === undefined ? 0 : digitValue(match[1]) / 10;
  const cents = match[2] ?? match[3];
  const value = tenths + (cents === undefined ? 0 : digitValue(cents) / 100);
  return { value, end: at + match[0].length };
}

/** Between a number and its unit: 多 (十多天 · 一个多月) or 来 (十来天). */
const MORE_THAN = /^个?([多来])/;
/** The step "more than" a number reaches to: 十多 is 10–19, 两百多 200–299, 一个多月 one to two months. */
function roundStep(n: number): number {
  for (const step of [10000, 1000, 100, 10]) if (n >= step && n % step === 0) return step;
  return 1;
}

function readAmount(source: string, i: number): Reading | undefined {
  const percentWord = source.startsWith('百分之', i);
  const first = numeralAt(source, percentWord ? i + 3 : i);
  if (!first) return undefined;
  let min = first.min;
  let max = first.max;
  if (percentWord) return { min, max, unit: '%', end: first.end };
  // 十多天 · 一个多月 · 两百多块: more than the number, short of its next step; 十来天: about ten days.
  const more = MORE_THAN.exec(source.slice(first.end, first.end + 2));
  const moreUnit = more ? unitAfter(source, first.end + more[0].length) : undefined;
  if (more && moreUnit && first.min === first.max) {
    const approx = more[1] === '来';
    const step = approx ? 0 : roundStep(first.min);
    return {
      min,
      max: max + step,
      unit: moreUnit.unit,
      end: moreUnit.end,
      ...(approx && { approx: true }),
    };
  }
  // 五毛 · 八角钱 · 五分钱: small change alone, in 元.
  const change = SMALL_CHANGE_ALONE.exec(source.slice(first.end, first.end + 3));
  if (change && first.min === first.max && first.min < 10) {
    const value = (first.min * (change[0].startsWith('分') ? 1 : 10)) / 100;
    return { min: value, max: value, unit: '元', end: first.end + change[0].length };
  }
  let unit = unitAfter(source, first.end);
  if (!unit) {
    // 3-5天 · 三到五天 · 1至3天: a range whose unit follows the second number.
    const joiner = RANGE_JOINERS.find((w) => source.startsWith(w, first.end));
    const second = joiner === undefined ? undefined : numeralAt(source, first.end + joiner.length);
    const secondUnit = second && unitAfter(source, second.end);
    if (!second || !secondUnit) return { min, max, unit: undefined, end: first.end };
    max = second.max;
    unit = secondUnit;
  }
  if (unit.half) {
    min += 0.5;
    max += 0.5;
  }
  let end = unit.end;
  let name = unit.unit;
  const factor = UNITS[name].factor;
  const next = unitAt(source, end);
  if (name === '两' && next) {
    // 三两天: "three or two days", not three liang.
    [min, max, name, end] = [Math.min(min, 2), Math.max(max, 2), next.unit, next.end];
  } else if (source[end] === '半' && !unit.half) {
    // 三克半 · 两年半.
    min += 0.5;
    max += 0.5;
    end++;
  } else if (name === '元' && smallChange(source, end)) {
    // 一块二毛五 · 3元2角5分: tenths and hundredths of a yuan.
    const cents = smallChange(source, end)!;
    min += cents.value;
    max += cents.value;
    end = cents.end;
  } else {
    const compound = numeralAt(source, end);
    const smaller = compound && unitAfter(source, compound.end);
    const tenth = digitAt(source, end);
    if (
      compound &&
      smaller &&
      UNITS[smaller.unit].dimension === UNITS[name].dimension &&
      UNITS[smaller.unit].factor < factor
    ) {
      // 五斤六两 · 一小时二十分钟.
      const extra = (compound.min * UNITS[smaller.unit].factor) / factor;
      min += extra;
      max += extra;
      end = smaller.end;
    } else if (
      TENTHS.has(name) &&
      tenth !== undefined &&
      !unitAfter(source, end + 1) &&
      (!startsNumber(source, end + 1) || startsCountedAmount(source, end + 1))
    ) {
      // 一米八 · 两斤四 · 三块五.
      min += tenth / 10;
      max += tenth / 10;
      end++;
    }
  }
  // 1天到3天: a second unit-bearing number after a joiner widens the range.
  const joiner = RANGE_JOINERS.find((w) => source.startsWith(w, end));
  if (joiner !== undefined) {
    const second = numeralAt(source, end + joiner.length);
    const secondUnit = second && unitAt(source, second.end);
    if (second && secondUnit && secondUnit.unit === name) {
      max = second.max;
      end = secondUnit.end;
    }
  }
  return { min, max, unit: name, end };
}

/**
 * The whole of `text` as one round number (230 · 两百三 · 一百二十), or undefined: a unit left unsaid, read
 * where the question named the amount. A lone Chinese digit (送一) is too common a word to count.
 */
export function readBareNumber(text: string): number | undefined {
  const numeral = numeralAt(text, 0);
  if (!numeral || numeral.end !== text.length || numeral.min !== numeral.max) return undefined;
  if (numeral.chinese && !/[十百千万]/.test(text)) return undefined;
  return numeral.min;
}

/** Every quantity with a unit in `source` (NFKC, lower-cased), in text order. */
export function readQuantities(source: string): Quantity[] {
  const out: Quantity[] = [];
  const n = source.length;
  const push = (start: number, end: number, min: number, max: number, unit: UnitName, previous: string) => {
    const def = UNITS[unit];
    const after = boundAfter(source, end);
    out.push({
      start,
      end,
      min: Math.min(min, max) * def.factor,
      max: Math.max(min, max) * def.factor,
      unit,
      dimension: def.dimension,
      bound: boundBefore(source, start) ?? after?.bound ?? 'exact',
      label: LABELS.has(previous) ? previous : '',
    });
  };
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
    const lifetime = LIFETIME.find((word) => source.startsWith(word, i));
    if (lifetime) {
      push(i, i + lifetime.length, LIFETIME_YEARS, LIFETIME_YEARS, '年', '');
      out[out.length - 1]!.bound = 'min';
      i += lifetime.length;
      continue;
    }
    // Not inside a longer number or a latin word (no 5 in 2025, no 3 in mp3), nor an ordinal (第一次).
    const previous = source[i - 1] ?? '';
    const reading = /[\d.a-z第]/.test(previous) ? undefined : readAmount(source, i);
    if (!reading) {
      i++;
      continue;
    }
    // 200x230 · 两米乘两米三: the sides of a size, in the unit either side names (centimetres when none does).
    const sides = [{ start: i, reading }];
    for (let last = reading; ; ) {
      const times = TIMES.find((w) => source.startsWith(w, last.end));
      const next = times === undefined ? undefined : readAmount(source, last.end + times.length);
      if (times === undefined || !next) break;
      sides.push({ start: last.end + times.length, reading: next });
      last = next;
    }
    if (sides.length > 1) {
      const named = sides.find((s) => s.reading.unit !== undefined)?.reading.unit;
      const unit = named ?? (sides.every((s) => s.reading.min >= 10) ? '厘米' : undefined);
      if (unit !== undefined)
        for (const s of sides) {
          push(s.start, s.reading.end, s.reading.min, s.reading.max, s.reading.unit ?? unit, '');
          out[out.length - 1]!.side = true;
        }
      i = sides[sides.length - 1]!.reading.end;
      continue;
    }
    const { unit, end, approx } = reading;
    if (unit === undefined || (unit === '%' && DEGREE_AFTER.test(source.slice(end, end + 1)))) {
      i = Math.max(end, i + 1);
      continue;
    }
    let { min, max } = reading;
    const before = ADDING.test(source.slice(Math.max(0, i - 2), i))
      ? out.findLast((q) => q.dimension === UNITS[unit].dimension)
      : undefined;
    if (before) {
      min += before.min / UNITS[unit].factor;
      max += before.max / UNITS[unit].factor;
    }
    push(i, end, min, max, unit, previous);
    if (approx) out[out.length - 1]!.bound = 'approx';
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
