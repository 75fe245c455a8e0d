import { describe, expect, it } from 'vitest';
import { slowFirstResponse } from '../../../../shared/src/scoring/rules/slow-first-response.ts';
import { firedAt, LogBuilder, makeRubric } from '../log-builder.ts';

function firstReplyAfter(seconds: number): LogBuilder {
  const log = new LogBuilder().started();
  log.buyer(0);
  log.agent(seconds);
  log.buyer(40);
  log.agent(80); // a later slow turn is slow-response's business, not this rule's
  return log;
}

describe('slow-first-response', () => {
  it('does not fire at exactly the benchmark (3.0 s)', () => {
    expect(firedAt(slowFirstResponse, firstReplyAfter(3))).toEqual([]);
  });

  it('fires just over the benchmark (3.1 s), at the reply', () => {
    expect(firedAt(slowFirstResponse, firstReplyAfter(3.1))).toEqual([3.1]);
  });

  it('measures from the first buyer message: a second message before the reply does not restart the turn', () => {
    const log = new LogBuilder().started();
    log.buyer(0);
    log.buyer(2.5, 'color');
    log.agent(4);
    expect(firedAt(slowFirstResponse, log)).toEqual([4]);
  });

  it('follows the rubric threshold', () => {
    const rubric = makeRubric({ thresholds: { firstResponseSeconds: 5 } });
    expect(firedAt(slowFirstResponse, firstReplyAfter(4.9), { rubric })).toEqual([]);
    expect(firedAt(slowFirstResponse, firstReplyAfter(5.1), { rubric })).toEqual([5.1]);
  });

  it('does not fire when the first turn was never answered (that is unanswered)', () => {
    const log = new LogBuilder().started();
    log.buyer(0);
    log.ended(100);
    expect(firedAt(slowFirstResponse, log)).toEqual([]);
  });
});
