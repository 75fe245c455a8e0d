import { describe, expect, it } from 'vitest';
import { buyerLeft } from '../../../../shared/src/scoring/rules/buyer-left.ts';
import { firedAt, LogBuilder } from '../log-builder.ts';

describe('buyer-left', () => {
  it('fires when the buyer ran out of patience', () => {
    const log = new LogBuilder().started();
    log.buyer(0);
    log.left(90, 'patience').ended(90, 'buyer-left');
    expect(firedAt(buyerLeft, log)).toEqual([90]);
  });

  it.each(['scripted', 'quiet'] as const)('does not fire for a %s departure', (reason) => {
    const log = new LogBuilder().started();
    log.buyer(0);
    log.agent(1);
    log.left(90, reason).ended(90, 'buyer-left');
    expect(firedAt(buyerLeft, log)).toEqual([]);
  });
});
