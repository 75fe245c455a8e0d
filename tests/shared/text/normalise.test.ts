import { describe, expect, it } from 'vitest';
import { normalise, stripParticles } from '../../../shared/src/text/index.ts';

describe('normalise', () => {
  it('folds full-width letters and digits and lower-cases latin', () => {
    expect(normalise('ＸＬ码 １２３ ABC')).toBe('xl码123abc');
  });

  it('strips ASCII and CJK punctuation, spaces and emoji, keeps Han', () => {
    expect(normalise('亲，红色有货的！！😊 还有吗？～…')).toBe('亲红色有货的还有吗');
    expect(normalise('“好的”、【包邮】《说明》\t\n')).toBe('好的包邮说明');
    expect(normalise('👍🏻👨‍👩‍👧 1️⃣ ❤️')).toBe('');
  });

  it('keeps letters of other scripts and drops combining marks left by lower-casing', () => {
    expect(normalise('İstanbul Café')).toBe('istanbulcafé');
  });

  it('is empty for empty or symbol-only text', () => {
    expect(normalise('')).toBe('');
    expect(normalise(' ,.!?。，、 ')).toBe('');
  });
});

describe('stripParticles', () => {
  const particles = ['呢', '吗', '的', '的话', '哦'];

  it('removes every particle, longer ones first', () => {
    expect(stripParticles('红色的话有货的哦', particles)).toBe('红色有货');
    expect(stripParticles('有货吗呢', particles)).toBe('有货');
  });

  it('normalises the particle list itself and leaves text without particles alone', () => {
    expect(stripParticles('有货啦', ['  啦！'])).toBe('有货');
    expect(stripParticles('有货', [])).toBe('有货');
  });
});
