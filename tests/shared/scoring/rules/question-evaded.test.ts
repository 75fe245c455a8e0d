import { describe, expect, it } from 'vitest';
import { questionEvaded } from '../../../../shared/src/scoring/rules/question-evaded.ts';
import { contextOf, firedAt, LogBuilder } from '../log-builder.ts';

describe('question-evaded', () => {
  it('fires once per question the shopper read as dodged, even if answered later', () => {
    const log = new LogBuilder().started();
    const ask = log.buyer(0, 'color');
    log.agent(2, { judged: { openAsks: [ask], evaded: [ask] } });
    log.buyer(5, 'hello');
    log.agent(6, { judged: { openAsks: [ask], evaded: [ask] } });
    log.agent(8, { judged: { openAsks: [ask], stated: [ask] } });
    expect(firedAt(questionEvaded, log)).toEqual([2]);
    expect(questionEvaded(contextOf(log.events))[0]?.detail).toMatchObject({
      questionId: ask,
      ask: 'jacket.color.red',
    });
  });

  it('does not fire when a greeting came first and a later reply stated the fact', () => {
    const log = new LogBuilder().started();
    const ask = log.buyer(0, 'color');
    log.agent(1, { judged: { openAsks: [ask], courtesyOnly: true } });
    log.agent(5, { judged: { openAsks: [ask], stated: [ask] } });
    expect(firedAt(questionEvaded, log)).toEqual([]);
  });

  it('fires at the first reply that left the question open when it was never stated', () => {
    const log = new LogBuilder().started();
    const ask = log.buyer(0, 'color');
    log.agent(1, { judged: { openAsks: [ask], courtesyOnly: true } });
    log.agent(5, { judged: { openAsks: [ask], courtesyOnly: true } });
    log.ended(60);
    expect(firedAt(questionEvaded, log)).toEqual([1]);
  });

  it('does not fire for a question answered wrongly and never corrected: that is one wrong-fact', () => {
    const log = new LogBuilder().started();
    const ask = log.buyer(0, 'color');
    log.agent(1, { judged: { openAsks: [ask], wrong: [ask], contradicted: ['jacket.color.red'] } });
    log.agent(5, { judged: { openAsks: [ask], courtesyOnly: true } });
    log.ended(60);
    expect(firedAt(questionEvaded, log)).toEqual([]);
  });

  it('does not fire for a question no reply ever saw (that is unanswered)', () => {
    const log = new LogBuilder().started();
    log.buyer(0, 'color');
    log.ended(60);
    expect(firedAt(questionEvaded, log)).toEqual([]);
  });
});
