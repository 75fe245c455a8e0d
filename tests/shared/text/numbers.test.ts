import { describe, expect, it } from 'vitest';
import { type Quantity, readQuantities } from '../../../shared/src/text/numbers.ts';

const DAY = 86400;
/** Each quantity as `min-max unit bound` in the units it was written in (days for time). */
const read = (text: string) =>
  readQuantities(text.normalize('NFKC').toLowerCase()).map((q: Quantity) => {
    const scale = q.dimension === 'time' ? DAY : 1;
    const [min, max] = [q.min / scale, q.max / scale].map((x) => Math.round(x * 1000) / 1000);
    return `${min === max ? min : `${min}-${max}`} ${q.dimension} ${q.bound}${q.label ? ` ${q.label}` : ''}`;
  });

describe('readQuantities', () => {
  it('reads Arabic and Chinese numerals with their units, in any unit of the dimension', () => {
    expect(read('续航8小时，充电仓30h')).toEqual(['0.333 time exact', '1.25 time exact']);
    expect(read('重1.2kg')).toEqual(['1200 mass exact 重']);
    expect(read('一千二百克')).toEqual(['1200 mass exact']);
    expect(read('两斤')).toEqual(['1000 mass exact']);
    expect(read('三年')).toEqual([`${3 * 365} time exact`]);
    expect(read('保质期一个月')).toEqual(['30 time exact']);
    expect(read('一百二十克')).toEqual(['120 mass exact']);
    expect(read('3L，适合2-5人')).toEqual(['3000 volume exact', '2-5 people exact']);
  });

  it('reads ranges written with a joiner or as a pair of neighbouring numerals', () => {
    expect(read('3-5天')).toEqual(['3-5 time exact']);
    expect(read('三到五天')).toEqual(['3-5 time exact']);
    expect(read('1天到3天')).toEqual(['1-3 time exact']);
    expect(read('两三天')).toEqual(['2-3 time exact']);
    expect(read('三五天')).toEqual(['3-5 time exact']);
    expect(read('一两天就发了')).toEqual(['1-2 time max']);
  });

  it('reads halves, percentages and relative days', () => {
    expect(read('一个半小时')).toEqual(['0.063 time exact']);
    expect(read('半年')).toEqual(['182.5 time exact']);
    expect(read('90%白鸭绒')).toEqual(['90 percent exact']);
    expect(read('百分之九十')).toEqual(['90 percent exact']);
    expect(read('后天就到')).toEqual(['2 time max']);
    expect(read('当天发')).toEqual(['0 time exact']);
  });

  it('reads the bound a phrase puts on the amount', () => {
    expect(read('48小时内发货')).toEqual(['2 time max']);
    expect(read('最晚3天')).toEqual(['3 time max']);
    expect(read('最快两天')).toEqual(['2 time min']);
    expect(read('5天左右')).toEqual(['5 time approx']);
    expect(read('大概一个礼拜')).toEqual(['7 time approx']);
  });

  it('labels a number by the dimension word right before it', () => {
    expect(read('宽60厘米，高85厘米')).toEqual(['0.6 length exact 宽', '0.85 length exact 高']);
  });

  it('ignores numbers without a unit and numerals inside words', () => {
    expect(read('满299减20，券后279')).toEqual([]);
    expect(read('一下 一点 一样 一级 万能 十分 第一时间')).toEqual([]);
    expect(read('mp3播放器')).toEqual([]);
  });
});
