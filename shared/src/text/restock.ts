// When a sold-out option comes back: the catalogue states it as a shop does (约两周 · 下月中旬 · 月底 ·
// 暂不补货) and a reply says it in any wording (要等一个多月 · 明天就补货 · 下个月中旬左右能到货). Both are read
// as a range of days from now; the date is unknown, so calendar words get the widest range they can mean.
import { normalise } from './normalise.ts';
import { type Quantity, readQuantities } from './numbers.ts';

/** Days from now, inclusive. */
export interface DayRange {
  min: number;
  max: number;
}

const DAY = 86400;

/** Calendar words as days from now, whatever today is: 下周 is one to fourteen days off. Longest first. */
const CALENDAR: readonly [RegExp, DayRange][] = [
  [/下下(周|星期|礼拜)/, { min: 7, max: 21 }],
  [/下(周|星期|礼拜)/, { min: 1, max: 14 }],
  [/(这|本)(周|星期|礼拜)|周末/, { min: 0, max: 7 }],
  [/下下个?月(中旬|中|底|末|下旬)/, { min: 38, max: 93 }],
  [/下下个?月/, { min: 28, max: 93 }],
  [/下个?月(初|上旬)/, { min: 1, max: 40 }],
  [/下个?月(中旬|中)/, { min: 10, max: 50 }],
  [/下个?月(底|末|下旬)/, { min: 28, max: 62 }],
  [/下个?月/, { min: 1, max: 62 }],
  [/(这个|本)?月(底|末)|(这个|本)月下旬/, { min: 0, max: 31 }],
  [/(这个|本)?月中旬/, { min: 0, max: 25 }],
];

/** The shop does not restock: 暂不补货 · 不再补货 · 停产了. */
const NEVER = /(暂不|暂时不|不会|不再|不)补货|没有补货计划|停产|绝版/;

/** How near an amount said as "about" may be to what it names (约两周: ten to twenty days). */
const APPROX = 0.4;

/** An amount of time as days from now: 约两周 · 两周内 · 一个多月 · 明天. */
export function rangeOf(q: Quantity): DayRange {
  const [min, max] = [q.min / DAY, q.max / DAY];
  switch (q.bound) {
    case 'max':
      return { min: 0, max };
    case 'min':
      return { min, max: Math.max(max * 3, min + 7) };
    case 'approx':
      return { min: min * (1 - APPROX), max: max * (1 + APPROX) };
    default:
      return { min, max };
  }
}

/** Calendar words in `text` (normalised), each read once (下个月中旬 is not also 下个月), with where they start. */
export function calendarIn(text: string): { at: number; range: DayRange }[] {
  const found: { at: number; range: DayRange }[] = [];
  let rest = text;
  for (const [pattern, range] of CALENDAR) {
    const match = pattern.exec(rest);
    if (!match) continue;
    found.push({ at: match.index, range });
    rest =
      rest.slice(0, match.index) + ' '.repeat(match[0].length) + rest.slice(match.index + match[0].length);
  }
  return found;
}

/** A catalogue's restock (约两周 · 下月中旬 · 暂不补货) as days from now, 'never', or undefined when unreadable. */
export function restockRange(restock: string): DayRange | 'never' | undefined {
  const text = normalise(restock);
  if (NEVER.test(text)) return 'never';
  const amount = readQuantities(text).find((q) => q.dimension === 'time');
  return amount ? rangeOf(amount) : calendarIn(text)[0]?.range;
}

/** Do two ranges of days share a day (a reply's time fits the catalogue's when they meet)? */
export const overlaps = (a: DayRange, b: DayRange) => a.min <= b.max + 1e-9 && b.min <= a.max + 1e-9;
