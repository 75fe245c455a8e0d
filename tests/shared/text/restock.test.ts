import { describe, expect, it } from 'vitest';
import { OptionSchema } from '../../../shared/src/scenario/schema.ts';
import { overlaps, restockRange } from '../../../shared/src/text/restock.ts';

describe('restockRange', () => {
  it('reads an amount of time as days from now, widened when said as "about"', () => {
    expect(restockRange('10天')).toEqual({ min: 10, max: 10 });
    expect(restockRange('两周内')).toEqual({ min: 0, max: 14 });
    const twoWeeks = restockRange('约两周') as { min: number; max: number };
    expect(twoWeeks.min).toBeCloseTo(8.4);
    expect(twoWeeks.max).toBeCloseTo(19.6);
  });

  it('reads calendar words as the widest range of days they can mean (the date is unknown)', () => {
    expect(restockRange('下周')).toEqual({ min: 1, max: 14 });
    expect(restockRange('月底')).toEqual({ min: 0, max: 31 });
    expect(restockRange('下个月中旬')).toEqual(restockRange('下月中旬'));
    expect(restockRange('下月中旬')).toEqual({ min: 10, max: 50 });
  });

  it('reads a shop that does not restock, and nothing from words without a time', () => {
    expect(restockRange('暂不补货')).toBe('never');
    expect(restockRange('停产了')).toBe('never');
    expect(restockRange('很快')).toBeUndefined();
  });

  it('ranges fit when they share a day', () => {
    expect(overlaps({ min: 0, max: 1 }, { min: 10, max: 50 })).toBe(false);
    expect(overlaps({ min: 30, max: 60 }, { min: 10, max: 50 })).toBe(true);
  });

  it('a catalogue option must state its restock in words the judge can read', () => {
    expect(OptionSchema.safeParse({ value: '红色', inStock: false, restock: '约两周' }).success).toBe(true);
    const bad = OptionSchema.safeParse({ value: '红色', inStock: false, restock: '很快' });
    expect(bad.success).toBe(false);
  });
});
