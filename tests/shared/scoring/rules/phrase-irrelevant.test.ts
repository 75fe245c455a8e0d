import { describe, expect, it } from 'vitest';
import { explainViolation } from '../../../../shared/src/scoring/explain.ts';
import { phraseIrrelevant } from '../../../../shared/src/scoring/rules/phrase-irrelevant.ts';
import { contextOf, firedAt, LogBuilder } from '../log-builder.ts';

describe('phrase-irrelevant', () => {
  it('fires once per message the shopper read as off-topic', () => {
    const log = new LogBuilder().started();
    log.buyer(0, 'color');
    log.agent(2, { source: 'phrase', phraseId: 'shipping', judged: { irrelevant: true } });
    log.agent(4, { judged: { irrelevant: false } });
    log.agent(6, { judged: { irrelevant: true } });
    expect(firedAt(phraseIrrelevant, log)).toEqual([2, 6]);
  });

  it('names the question the reply missed, and the explanation quotes it in both languages', () => {
    const log = new LogBuilder().started();
    const asked = log.buyer(0, 'color');
    log.agent(2, { judged: { irrelevant: true } });
    const [finding] = phraseIrrelevant(contextOf(log.events));
    expect(finding?.detail).toMatchObject({ askedId: asked, asked: 'color#0' });
    expect(explainViolation('phrase-irrelevant', finding!.detail, 'zh-CN')).toBe(
      '答非所问：买家问的是「color#0」，这条回复没有接上这个问题；先回答买家正在问的问题。',
    );
    expect(explainViolation('phrase-irrelevant', finding!.detail, 'en')).toContain('"color#0"');
  });

  it('does not fire for relevant replies', () => {
    const log = new LogBuilder().started();
    log.buyer(0, 'color');
    log.agent(2, { source: 'phrase', phraseId: 'color' });
    expect(firedAt(phraseIrrelevant, log)).toEqual([]);
  });
});
