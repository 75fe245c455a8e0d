import { describe, expect, it } from 'vitest';
import { noFollowUp } from '../../../../shared/src/scoring/rules/no-follow-up.ts';
import { firedAt, LogBuilder } from '../log-builder.ts';

function quietThenAgentAt(seconds: number | null): LogBuilder {
  const log = new LogBuilder().started();
  log.buyer(0);
  log.agent(2);
  log.quiet(10, 70);
  if (seconds !== null) log.agent(seconds);
  log.ended(80);
  return log;
}

describe('no-follow-up', () => {
  it('does not fire when the agent follows up exactly at the end of the window', () => {
    expect(firedAt(noFollowUp, quietThenAgentAt(70))).toEqual([]);
  });

  it('fires at the end of the window when the follow-up came 0.1 s late', () => {
    expect(firedAt(noFollowUp, quietThenAgentAt(70.1))).toEqual([70]);
  });

  it('fires when the only message in the window was a bare 好的 or a goodbye, not a follow-up', () => {
    const log = new LogBuilder().started();
    log.buyer(0);
    log.agent(2);
    log.quiet(10, 70);
    log.agent(20, { judged: { followsUp: false, courtesyOnly: true } });
    log.ended(80);
    expect(firedAt(noFollowUp, log)).toEqual([70]);
  });

  it('fires when nothing was sent at all', () => {
    expect(firedAt(noFollowUp, quietThenAgentAt(null))).toEqual([70]);
  });

  it('does not count the reply logged at the instant the silence began (it led into it), but any later one', () => {
    expect(firedAt(noFollowUp, quietThenAgentAt(10))).toEqual([70]);
    expect(firedAt(noFollowUp, quietThenAgentAt(10.1))).toEqual([]);
  });

  it('does not judge a window the conversation never reached', () => {
    const log = new LogBuilder().started();
    log.buyer(0);
    log.agent(2);
    log.quiet(10, 70);
    log.ended(30, 'stopped');
    expect(firedAt(noFollowUp, log)).toEqual([]);
  });

  it('judges each silence on its own', () => {
    const log = new LogBuilder().started();
    log.buyer(0);
    log.agent(2);
    log.quiet(10, 70);
    log.agent(20);
    log.quiet(100, 160);
    log.left(160, 'quiet').ended(160, 'buyer-left');
    expect(firedAt(noFollowUp, log)).toEqual([160]);
  });
});
