import { describe, expect, it } from 'vitest';
import { noOrderPrompt } from '../../../../shared/src/scoring/rules/no-order-prompt.ts';
import { contextOf, firedAt, LogBuilder, makeScenario } from '../log-builder.ts';

/** The buyer asks one question, the agent answers it, then the buyer orders at 20 s. */
function answeredThenOrdered(options: { invite?: boolean; state?: boolean } = {}): LogBuilder {
  const log = new LogBuilder().started();
  const ask = log.buyer(0, 'color');
  const stated = options.state === false ? [] : [ask];
  log.agent(2, { judged: { openAsks: [ask], stated } });
  if (options.invite) log.agent(5, { judged: { invites: true } });
  log.order(20).paid(30).ended(30);
  return log;
}

describe('no-order-prompt', () => {
  it('fires at the order when every question was answered and nobody invited the buyer', () => {
    expect(firedAt(noOrderPrompt, answeredThenOrdered())).toEqual([20]);
  });

  it('does not fire when the agent invited the buyer before the order', () => {
    expect(firedAt(noOrderPrompt, answeredThenOrdered({ invite: true }))).toEqual([]);
  });

  it('does not fire while a question is still unanswered', () => {
    expect(firedAt(noOrderPrompt, answeredThenOrdered({ state: false }))).toEqual([]);
  });

  it('does not fire without any question, nor for a retention scenario', () => {
    const log = new LogBuilder().started();
    log.buyer(0, 'hello');
    log.agent(2);
    log.order(20).ended(20);
    expect(firedAt(noOrderPrompt, log)).toEqual([]);
    expect(
      firedAt(noOrderPrompt, answeredThenOrdered(), { scenario: makeScenario({ goal: 'retained' }) }),
    ).toEqual([]);
  });

  it('decides at the departure when the buyer left without ordering', () => {
    const log = new LogBuilder().started();
    const ask = log.buyer(0, 'color');
    log.agent(2, { judged: { openAsks: [ask], stated: [ask] } });
    log.quiet(10, 70).left(70, 'quiet').ended(70, 'buyer-left');
    expect(firedAt(noOrderPrompt, log)).toEqual([70]);
  });

  it('ignores an invitation that came only after the buyer ordered', () => {
    const log = new LogBuilder().started();
    const ask = log.buyer(0, 'color');
    log.agent(2, { judged: { openAsks: [ask], stated: [ask] } });
    log.order(20);
    log.agent(21, { judged: { invites: true } });
    log.ended(30);
    expect(firedAt(noOrderPrompt, log)).toEqual([20]);
  });

  it('waits while the buyer has not decided', () => {
    const log = new LogBuilder().started();
    const ask = log.buyer(0, 'color');
    log.agent(2, { judged: { openAsks: [ask], stated: [ask] } });
    expect(firedAt(noOrderPrompt, log)).toEqual([]);
  });
});

describe('no-order-prompt and the buyer who orders on their own', () => {
  it('does not fire when the answer itself invited, however soon the buyer ordered', () => {
    const log = new LogBuilder().started();
    const ask = log.buyer(0, 'color');
    log.agent(2, { judged: { openAsks: [ask], stated: [ask], invites: true } });
    log.order(6.5).paid(10).ended(10);
    expect(firedAt(noOrderPrompt, log)).toEqual([]);
  });

  it('says how soon after the last answer the buyer decided', () => {
    const log = new LogBuilder().started();
    const ask = log.buyer(0, 'color');
    log.agent(2, { judged: { openAsks: [ask], stated: [ask] } });
    log.order(6.6).paid(10).ended(10);
    const [finding] = noOrderPrompt(contextOf(log.events));
    expect(finding?.detail).toMatchObject({ afterAnswerSeconds: 4.6 });
  });
});
