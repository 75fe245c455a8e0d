import { describe, expect, it } from 'vitest';
import { bigramDice, similarity } from '../../../shared/src/text/index.ts';
import { lexicon } from './fixtures.ts';

const NEAR_DUPLICATE = 0.85; // the rubric's default nearDuplicateDice

describe('bigramDice', () => {
  it('is 1 for equal strings, also single characters, and 0 for nothing shared', () => {
    expect(bigramDice('包邮的', '包邮的')).toBe(1);
    expect(bigramDice('好', '好')).toBe(1);
    expect(bigramDice('好', '行')).toBe(0);
    expect(bigramDice('好', '好的')).toBe(0);
    expect(bigramDice('红色有货', '尺码偏大')).toBe(0);
  });

  it('counts bigrams as a multiset', () => {
    // 哈哈哈: {哈哈 ×2}; 哈哈: {哈哈 ×1} → 2·1 / (2 + 1)
    expect(bigramDice('哈哈哈', '哈哈')).toBe(2 / 3);
  });

  it('is symmetric and follows 2·shared / (bigrams a + bigrams b)', () => {
    // 红色有货 {红色 色有 有货} · 红色没货 {红色 色没 没货}: one shared of 3 + 3
    expect(bigramDice('红色有货', '红色没货')).toBe(2 / 6);
    expect(bigramDice('红色没货', '红色有货')).toBe(2 / 6);
  });
});

describe('similarity (near-duplicates)', () => {
  // 14 characters, 13 bigrams; one character replaced in the middle breaks two bigrams: 2·11 / 26.
  const below = ['这款羽绒服是白鸭绒很保暖的亲', '这款羽绒服是灰鸭绒很保暖的亲'];
  // 15 characters, 14 bigrams; the same change leaves 12 shared: 2·12 / 28.
  const above = ['这款羽绒服是白鸭绒非常保暖的亲', '这款羽绒服是灰鸭绒非常保暖的亲'];

  it('scores a one-character change just below the threshold on a short text', () => {
    const score = similarity(below[0]!, below[1]!, []);
    expect(score).toBe(22 / 26);
    expect(score).toBeLessThan(NEAR_DUPLICATE);
  });

  it('scores the same change just above the threshold on a text one character longer', () => {
    const score = similarity(above[0]!, above[1]!, []);
    expect(score).toBe(24 / 28);
    expect(score).toBeGreaterThanOrEqual(NEAR_DUPLICATE);
  });

  it('ignores particles, punctuation, spaces and emoji', () => {
    // Without 的 the short pair is 13 characters, 12 bigrams, 10 shared.
    expect(similarity(below[0]!, below[1]!, lexicon.particles)).toBe(20 / 24);
    expect(similarity('红色，有货的哦！😊', '红色 有货呢', lexicon.particles)).toBe(1);
  });

  it('is 0 when either text has no letters or digits, and keeps particle-only texts comparable', () => {
    expect(similarity('😊', '😊', lexicon.particles)).toBe(0);
    expect(similarity('', '', [])).toBe(0);
    expect(similarity('哦哦', '哦哦', lexicon.particles)).toBe(1);
  });
});
