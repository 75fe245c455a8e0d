import { describe, expect, it } from 'vitest';
import { phraseIrrelevant } from '../../../../shared/src/scoring/rules/phrase-irrelevant.ts';
import { firedAt, LogBuilder } from '../log-builder.ts';

describe('phrase-irrelevant', () => {
  it('fires once per message the shopper read as off-topic', () => {
    const log = new LogBuilder().started();
    log.buyer(0, 'color');
    log.agent(2, { source: 'phrase', phraseId: 'shipping', judged: { irrelevant: true } });
    log.agent(4, { judged: { irrelevant: false } });
    log.agent(6, { judged: { irrelevant: true } });
    expect(firedAt(phraseIrrelevant, log)).toEqual([2, 6]);
  });

  it('does not fire for relevant replies', () => {
    const log = new LogBuilder().started();
    log.buyer(0, 'color');
    log.agent(2, { source: 'phrase', phraseId: 'color' });
    expect(firedAt(phraseIrrelevant, log)).toEqual([]);
  });
});
