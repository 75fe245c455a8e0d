import { describe, expect, it } from 'vitest';
import { explainViolation } from '../../../../shared/src/scoring/explain.ts';
import { buyerLeft } from '../../../../shared/src/scoring/rules/buyer-left.ts';
import { contextOf, firedAt, LogBuilder } from '../log-builder.ts';

describe('buyer-left', () => {
  it('fires when the buyer ran out of patience waiting for a reply, saying how long the message waited', () => {
    const log = new LogBuilder().started();
    log.buyer(0);
    log.agent(2);
    log.buyer(10, 'color');
    log.buyer(100, 'color', -1);
    log.left(100, 'patience', { waitingFor: 'reply' }).ended(100, 'buyer-left');
    expect(firedAt(buyerLeft, log)).toEqual([100]);
    const [finding] = buyerLeft(contextOf(log.events));
    expect(finding!.detail).toEqual({ reason: 'patience', waitingFor: 'reply', waitedSeconds: 90 });
    expect(explainViolation('buyer-left', finding!.detail, 'zh-CN')).toBe(
      '买家的消息等了 90 秒都没有等到回复，买家离开了（顾客流失）：每条消息都要及时回复，一时答不上也先回一句「稍等，马上为您查询」。',
    );
    expect(explainViolation('buyer-left', finding!.detail, 'en')).toContain('waited 90 s without a reply');
  });

  it.each(['answers', 'change'] as const)(
    'does not fire when every message had a reply and the buyer waited for %s',
    (waitingFor) => {
      const log = new LogBuilder().started();
      const ask = log.buyer(0, 'color');
      log.agent(2, { judged: { openAsks: [ask], evaded: [ask] } });
      log.buyer(92, 'color', -1);
      log.left(92, 'patience', { waitingFor, open: [ask] }).ended(92, 'buyer-left');
      expect(firedAt(buyerLeft, log)).toEqual([]);
    },
  );

  it.each(['scripted', 'quiet'] as const)('does not fire for a %s departure', (reason) => {
    const log = new LogBuilder().started();
    log.buyer(0);
    log.agent(1);
    log.left(90, reason).ended(90, 'buyer-left');
    expect(firedAt(buyerLeft, log)).toEqual([]);
  });

  it('reads a log from before waitingFor: a message with no reply before the farewell is waiting for a reply', () => {
    const log = new LogBuilder().started();
    log.buyer(0);
    log.buyer(90, 'hello', -1);
    log.left(90).ended(90, 'buyer-left');
    expect(firedAt(buyerLeft, log)).toEqual([90]);
  });
});
