import { describe, expect, it } from 'vitest';
import { type Quantity, readBareNumber, readQuantities } from '../../../shared/src/text/numbers.ts';

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
    // 亳 for 毫 is the commonest typo of the unit (the two look alike and sit side by side in pinyin input).
    expect(read('五百亳升')).toEqual(['500 volume exact']);
  });

  it('reads the spoken two and three (俩 · 仨) where a number starts, never inside one', () => {
    expect(read('俩天内发')).toEqual(['2 time max']);
    expect(read('仨月')).toEqual(['90 time exact']);
    expect(read('咱俩')).toEqual([]);
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

  it('reads amounts the way they are spoken: halves and tenths after the unit, compounds, a pair after a round number', () => {
    expect(read('三克半')).toEqual(['3.5 mass exact']);
    expect(read('两年半')).toEqual([`${2.5 * 365} time exact`]);
    expect(read('一米八的床')).toEqual(['1.8 length exact']);
    expect(read('三块五')).toEqual(['3.5 money exact']);
    expect(read('5块一个')).toEqual(['5 money exact', '1 items exact']);
    // Spoken prices: a trailing digit after 百 counts tens, after 块 tenths, also before "per item".
    expect(read('两百三块')).toEqual(['230 money exact']);
    expect(read('一百二块钱')).toEqual(['120 money exact']);
    expect(read('两块五一个')).toEqual(['2.5 money exact', '1 items exact']);
    expect(read('三块五一斤')).toEqual(['3.5 money exact', '500 mass exact']);
    // The digit that has a unit of its own is not a tenth: 两块五斤 is 2 元 for 5 斤.
    expect(read('两块五斤')).toEqual(['2 money exact', '2500 mass exact']);
    expect(read('五斤六两左右')).toEqual(['2800 mass approx']);
    expect(read('三两多重')).toEqual(['150 mass approx']);
    expect(read('三两天就到')).toEqual(['2-3 time max']);
    expect(read('十斤大概三十五六个')).toEqual(['5000 mass exact', '35-36 items approx']);
    expect(read('一整天')).toEqual(['1 time exact']);
    expect(read('耳机8个钟')).toEqual(['0.333 time exact']);
  });

  it('reads a spoken decimal (三点五克) only where a unit of measure follows it, never a clock time', () => {
    expect(read('三点五克哈')).toEqual(['3.5 mass exact']);
    expect(read('两点五公斤')).toEqual(['2500 mass exact']);
    expect(read('一点二五米')).toEqual(['1.25 length exact']);
    expect(read('下午三点五十发货')).toEqual([]);
    expect(read('三点半之前拍')).toEqual([]);
    expect(read('三点五分前付款')).toEqual([]);
  });

  it('reads 多 and 来 between a number and its unit: more than it, short of its next step; about it', () => {
    expect(read('一个多月')).toEqual(['30-60 time exact']);
    expect(read('十多天')).toEqual(['10-20 time exact']);
    expect(read('两百多块')).toEqual(['200-300 money exact']);
    expect(read('两个多小时')).toEqual(['0.083-0.125 time exact']);
    expect(read('十来天')).toEqual(['10 time approx']);
  });

  it('reads small change: 毛 and 角 are tenths of a yuan, 分 hundredths; alone 角 and 分 only with 钱', () => {
    expect(read('一块二毛五')).toEqual(['1.25 money exact']);
    expect(read('3元2角5分')).toEqual(['3.25 money exact']);
    expect(read('三块零五分')).toEqual(['3.05 money exact']);
    expect(read('便宜五毛')).toEqual(['0.5 money exact']);
    expect(read('八角钱')).toEqual(['0.8 money exact']);
    expect(read('五分钱')).toEqual(['0.05 money exact']);
    expect(read('放八角，十分入味')).toEqual([]);
  });

  it('adds an amount said with 再加 to the one before it, and reads a lifetime as longer than any term', () => {
    expect(read('耳机8小时，充电仓再加22小时')).toEqual(['0.333 time exact', '1.25 time exact']);
    expect(read('终身质保')).toEqual([`${100 * 365} time min`]);
  });

  it('reads both sides of a size, in the unit either side names, centimetres when none does', () => {
    expect(read('被套两米乘两米三')).toEqual(['2 length exact', '2.3 length exact']);
    expect(read('200x230的')).toEqual(['2 length exact', '2.3 length exact']);
    expect(read('220*240cm')).toEqual(['2.2 length exact', '2.4 length exact']);
  });

  it('reads no amount in words that start with a unit character, ordinals, or a percentage used as a degree', () => {
    expect(read('满199包邮')).toEqual([]);
    expect(read('新四件套')).toEqual([]);
    expect(read('第一次洗')).toEqual([]);
    expect(read('100%不掉绒')).toEqual([]);
    expect(read('100%纯棉')).toEqual(['100 percent exact']);
    expect(read('两包才包邮')).toEqual(['2 packs exact']);
  });

  it('ignores numbers without a unit and numerals inside words', () => {
    expect(read('满299减20，券后279')).toEqual([]);
    expect(read('一下 一点 一样 一级 万能 十分 第一时间')).toEqual([]);
    expect(read('mp3播放器')).toEqual([]);
  });
});

describe('readBareNumber', () => {
  it('reads a whole round number, Arabic or spoken (两百三 = 230 · 一百二 = 120), and nothing else', () => {
    expect(readBareNumber('两百三')).toBe(230);
    expect(readBareNumber('一百二')).toBe(120);
    expect(readBareNumber('一百二十')).toBe(120);
    expect(readBareNumber('54')).toBe(54);
    expect(readBareNumber('一')).toBeUndefined();
    expect(readBareNumber('两三')).toBeUndefined();
    expect(readBareNumber('两百三克')).toBeUndefined();
  });
});
