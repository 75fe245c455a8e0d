import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findNearDuplicates } from '../../../../shared/src/scoring/near-duplicates.ts';
import { phraseRepeated } from '../../../../shared/src/scoring/rules/phrase-repeated.ts';
import { normalise } from '../../../../shared/src/text/normalise.ts';
import { stripParticles } from '../../../../shared/src/text/particles.ts';
import { similarity } from '../../../../shared/src/text/similarity.ts';
import { contextOf, firedAt, LogBuilder } from '../log-builder.ts';

/** 51 distinct Han characters: 50 bigrams, so each broken bigram moves Dice by 0.02. */
const BASE = Array.from({ length: 51 }, (_, i) => String.fromCodePoint(0x4e00 + i * 7));
function replaced(positions: readonly number[]): string {
  const chars = [...BASE];
  for (const p of positions) chars[p] = String.fromCodePoint(0x9000 + p);
  return chars.join('');
}
const ORIGINAL = BASE.join('');
/** Four interior characters changed: 8 bigrams broken, Dice 0.84. */
const AT_084 = replaced([5, 15, 25, 35]);
/** Three interior characters and the last one changed: 7 bigrams broken, Dice 0.86. */
const AT_086 = replaced([5, 15, 25, 50]);

function typedTwice(first: string, second: string, particles: readonly string[] = []): number[] {
  const log = new LogBuilder().started();
  log.buyer(0);
  log.agent(2, { text: first });
  log.buyer(10, 'color');
  log.agent(12, { text: second });
  return firedAt(phraseRepeated, log, { particles });
}

const REMINDER_CARD = {
  source: 'action' as const,
  card: 'payment-reminder' as const,
  text: '亲，您的订单还未付款哦',
};

describe('phrase-repeated', () => {
  it('the boundary pairs sit where intended', () => {
    expect(similarity(ORIGINAL, AT_084, [])).toBeCloseTo(0.84, 10);
    expect(similarity(ORIGINAL, AT_086, [])).toBeCloseTo(0.86, 10);
  });

  it('does not fire for a text at Dice 0.84 and fires at 0.86 (threshold 0.85)', () => {
    expect(typedTwice(ORIGINAL, AT_084)).toEqual([]);
    expect(typedTwice(ORIGINAL, AT_086)).toEqual([12]);
  });

  it('ignores particles and punctuation when comparing', () => {
    expect(typedTwice('这款羽绒服有现货的哦！', '这款羽绒服有现货的呢~', ['哦', '呢'])).toEqual([12]);
  });

  it('ignores short texts (fewer than 6 characters after normalising)', () => {
    expect(typedTwice('好的亲，在的', '好的亲，在的')).toEqual([]);
    expect(typedTwice('好的亲，在的呀', '好的亲，在的呀')).toEqual([12]);
  });

  it('fires on each resend of the same quick phrase, once per message', () => {
    const log = new LogBuilder().started();
    log.buyer(0);
    log.agent(1, { source: 'phrase', phraseId: 'welcome', text: '亲，欢迎光临本店，有什么可以帮您？' });
    log.agent(2, { source: 'phrase', phraseId: 'welcome', text: '亲，欢迎光临本店，有什么可以帮您？' });
    log.agent(3, { source: 'phrase', phraseId: 'welcome', text: '亲，欢迎光临本店，有什么可以帮您？' });
    expect(firedAt(phraseRepeated, log)).toEqual([2, 3]);
    expect(phraseRepeated(contextOf(log.events)).map((f) => f.detail.kind)).toEqual([
      'same-phrase',
      'same-phrase',
    ]);
  });

  it('does not fire for different phrases, nor for a card sent again after the buyer wrote', () => {
    const log = new LogBuilder().started();
    log.buyer(0);
    log.agent(1, { source: 'phrase', phraseId: 'welcome', text: '亲，欢迎光临本店，有什么可以帮您？' });
    log.agent(2, { source: 'phrase', phraseId: 'size', text: '身高165到175的亲选L码就可以' });
    log.agent(3, REMINDER_CARD);
    log.buyer(60);
    log.agent(62, REMINDER_CARD);
    expect(firedAt(phraseRepeated, log)).toEqual([]);
  });

  it('fires for the same card pressed again before the buyer wrote anything', () => {
    const log = new LogBuilder().started();
    log.buyer(0);
    log.agent(3, REMINDER_CARD);
    log.agent(3.5, REMINDER_CARD);
    log.agent(4, { ...REMINDER_CARD, card: 'order-invite' as const, text: '[邀请下单]' });
    log.agent(4.5, REMINDER_CARD);
    expect(firedAt(phraseRepeated, log)).toEqual([3.5, 4.5]);
    expect(phraseRepeated(contextOf(log.events))[0]?.detail).toMatchObject({
      kind: 'same-card',
      card: 'payment-reminder',
    });
  });

  it('catches a typed copy of an earlier quick phrase', () => {
    const log = new LogBuilder().started();
    log.buyer(0);
    log.agent(1, { source: 'phrase', phraseId: 'welcome', text: '亲，欢迎光临本店，有什么可以帮您？' });
    log.agent(2, { source: 'typed', text: '亲 欢迎光临本店 有什么可以帮您' });
    expect(firedAt(phraseRepeated, log)).toEqual([2]);
  });

  it('finds exactly the pairs the text module scores at or above the threshold', () => {
    const particles = ['哦', '呢'];
    const unit = fc.constantFrom(...Array.from('亲有货的红色黑色尺码哦呢，！ 😊ab1'));
    const texts = fc.array(fc.string({ unit, maxLength: 16 }), { minLength: 1, maxLength: 8 });
    const thresholds = fc.constantFrom(0, 0.3, 0.5, 0.85, 1);
    fc.assert(
      fc.property(texts, thresholds, (list, threshold) => {
        const messages = list.map((text, i) => ({ id: `m${i}`, text }));
        const found = findNearDuplicates(messages, particles, threshold);
        messages.forEach((message, j) => {
          const stripped = stripParticles(normalise(message.text), particles);
          const compared = stripped.length > 0 ? stripped : normalise(message.text);
          const scores = messages
            .slice(0, j)
            .map((earlier) => similarity(earlier.text, message.text, particles));
          const best = Math.max(-1, ...scores);
          const result = found.get(message.id);
          if (Array.from(compared).length < 6 || best < threshold) {
            expect(result).toBeUndefined();
          } else {
            expect(result?.similarity).toBeCloseTo(best, 12);
            const earlier = messages.findIndex((m) => m.id === result?.earlierId);
            expect(scores[earlier]).toBeCloseTo(best, 12);
          }
        });
      }),
      { numRuns: 300 },
    );
  });
});
