import { describe, expect, it } from 'vitest';
import { explainViolation } from '../../../../shared/src/scoring/explain.ts';
import { returningNotAcknowledged } from '../../../../shared/src/scoring/rules/returning-not-acknowledged.ts';
import { contextOf, firedAt, LogBuilder, makeScenario } from '../log-builder.ts';

const returning = makeScenario({ persona: { name: '老李', returning: true } });

function replies(acknowledgedAt: number | null, count = 3): LogBuilder {
  const log = new LogBuilder().started();
  for (let i = 0; i < count; i++) {
    log.buyer(i * 10);
    log.agent(i * 10 + 2, { judged: { acknowledges: i === acknowledgedAt } });
  }
  log.ended(100);
  return log;
}

describe('returning-not-acknowledged', () => {
  it('does not fire when the first or the second reply acknowledges the returning customer', () => {
    expect(firedAt(returningNotAcknowledged, replies(0), { scenario: returning })).toEqual([]);
    expect(firedAt(returningNotAcknowledged, replies(1), { scenario: returning })).toEqual([]);
  });

  it('fires at the second reply when only the third acknowledges', () => {
    expect(firedAt(returningNotAcknowledged, replies(2), { scenario: returning })).toEqual([12]);
  });

  it('fires at the end when there were fewer than two replies', () => {
    expect(firedAt(returningNotAcknowledged, replies(null, 1), { scenario: returning })).toEqual([100]);
  });

  it('explains by the replies there were: two, one, or none at all', () => {
    const explain = (log: LogBuilder, locale: 'zh-CN' | 'en' = 'zh-CN') => {
      const [finding] = returningNotAcknowledged(contextOf(log.events, { scenario: returning }));
      return explainViolation('returning-not-acknowledged', finding!.detail, locale);
    };
    expect(explain(replies(2))).toBe(
      '老顾客来访，前两次回复都没有认出并表示欢迎，语气像对待新客：开头就认出老顾客（如「欢迎回来」）。',
    );
    expect(explain(replies(null, 1))).toBe(
      '老顾客来访，唯一的一次回复没有认出并表示欢迎，语气像对待新客：开头就认出老顾客（如「欢迎回来」）。',
    );
    expect(explain(replies(null, 1), 'en')).toBe(
      'A returning customer was treated like a new one: the only reply never welcomed them back. Greet them as a returning customer from the start ("welcome back").',
    );
    const silent = new LogBuilder().started();
    silent.buyer(0);
    silent.left(90).ended(90, 'buyer-left');
    expect(explain(silent)).toBe(
      '老顾客来访，却一直没有得到回复，更没有被认出并欢迎：先及时回复，再认出老顾客。',
    );
    expect(explain(silent, 'en')).toBe(
      'A returning customer got no reply at all, let alone a welcome back: reply in time, then greet them as a returning customer.',
    );
  });

  it('never fires for a new customer', () => {
    expect(firedAt(returningNotAcknowledged, replies(null))).toEqual([]);
  });
});
