import { describe, expect, it } from 'vitest';
import { wrongFact } from '../../../../shared/src/scoring/rules/wrong-fact.ts';
import { contextOf, firedAt, LogBuilder } from '../log-builder.ts';

describe('wrong-fact', () => {
  it('fires once per contradicted fact of each message', () => {
    const log = new LogBuilder().started();
    log.buyer(0, 'color');
    log.agent(2, { judged: { contradicted: ['jacket.color.red', 'jacket.material'] } });
    log.agent(4, { judged: { contradicted: ['jacket.color.red'] } });
    expect(firedAt(wrongFact, log)).toEqual([2, 2, 4]);
    expect(wrongFact(contextOf(log.events)).map((f) => f.detail.fact)).toEqual([
      'jacket.color.red',
      'jacket.material',
      'jacket.color.red',
    ]);
  });

  it('does not fire for replies that contradict nothing', () => {
    const log = new LogBuilder().started();
    const ask = log.buyer(0, 'color');
    log.agent(2, { judged: { openAsks: [ask], stated: [ask] } });
    expect(firedAt(wrongFact, log)).toEqual([]);
  });
});
