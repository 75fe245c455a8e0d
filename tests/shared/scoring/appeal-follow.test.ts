// A decided appeal follows the violation it was about when a re-score names it differently: a buyer-left of a
// log stored before the departure split (now buyer-gave-up), a buyer-gave-up keyed before it pointed at a reply,
// a no-payment-reminder whose moment moved with the rubric's window. Nothing else is matched loosely: two
// wrong facts of one reply stay apart, and one appeal overturns one violation.
import { describe, expect, it } from 'vitest';
import { readLibrary } from '../../../server/src/cli/read-library.ts';
import type { ConversationEvent } from '../../../shared/src/conversation/events.ts';
import { playScript, scoreEvents } from '../../../shared/src/proof/play.ts';
import { loadLibrary } from '../../../shared/src/scenario/load.ts';
import { appealAnchor, followAppealKeys } from '../../../shared/src/scoring/appeal-keys.ts';
import { createShopperContext } from '../../../shared/src/shopper/context.ts';

const { library } = loadLibrary(readLibrary('scenarios'));
const rubric = library.rubrics.get('default')!;

function played(scenarioId: string, name: string) {
  const script = library.buyers.get(scenarioId)!.counterExamples.find((c) => c.name === name)!.script;
  return playScript(library, scenarioId, script, { seed: 1 });
}

/** The log as stored before buyer-left said what the buyer waited for. */
function oldShaped(events: readonly ConversationEvent[]): ConversationEvent[] {
  return events.map((e) => (e.type === 'buyer-left' ? { type: e.type, at: e.at, reason: e.reason } : e));
}

describe('a decided appeal on a departure', () => {
  const { events } = played('pre-flask-gift-engrave', '连问两个只答一个');
  const ctx = createShopperContext(library, 'pre-flask-gift-engrave', rubric);
  const departure = events.find((e) => e.type === 'buyer-left')!;
  // What the scoring of the time named it: the rule and the moment (buyer-left had no message id).
  const keyBeforeSplit = `buyer-left|${departure.at}`;

  it('overturned as buyer-left on an old-shaped stored log, stays overturned now that it reads as buyer-gave-up', () => {
    const log = oldShaped(events);
    const before = scoreEvents(ctx, log);
    const gaveUp = before.violations.find((v) => v.rule === 'buyer-gave-up')!;
    expect(gaveUp.key).not.toBe(keyBeforeSplit);
    const after = scoreEvents(ctx, log, 'zh-CN', [keyBeforeSplit]);
    expect(after.violations.map((v) => v.rule)).toEqual(['question-evaded']);
    expect(after.overturned).toEqual([gaveUp]);
    expect(after.score).toBeGreaterThan(before.score);
    // The same as overturning it under the key it has now.
    expect(after).toEqual(scoreEvents(ctx, log, 'zh-CN', [gaveUp.key]));
  });

  it('a buyer-gave-up keyed before it named the last reply follows too', () => {
    const now = scoreEvents(ctx, events).violations.find((v) => v.rule === 'buyer-gave-up')!;
    const [rule, at, , questionId] = now.key.split('|');
    const after = scoreEvents(ctx, events, 'zh-CN', [`${rule}|${at}||${questionId}`]);
    expect(after.overturned.map((v) => v.key)).toEqual([now.key]);
  });

  it('an appeal at another moment, or of another rule at that moment, overturns nothing', () => {
    const before = scoreEvents(ctx, events);
    expect(scoreEvents(ctx, events, 'zh-CN', [`buyer-left|${departure.at + 1}`])).toEqual(before);
    expect(scoreEvents(ctx, events, 'zh-CN', [`no-follow-up|${departure.at}`])).toEqual(before);
  });
});

describe('a decided appeal on a missed payment reminder', () => {
  it('follows its order when the rubric moves the end of the window', () => {
    const { events } = played('mid-returning-remind-diapers', '订单收到却不催付');
    const wide = createShopperContext(library, 'mid-returning-remind-diapers', rubric);
    const narrow = createShopperContext(library, 'mid-returning-remind-diapers', {
      ...rubric,
      thresholds: { ...rubric.thresholds, paymentReminderSeconds: 60 },
    });
    const stored = scoreEvents(wide, events).violations.find((v) => v.rule === 'no-payment-reminder')!;
    const now = scoreEvents(narrow, events).violations.find((v) => v.rule === 'no-payment-reminder')!;
    expect(now.key).not.toBe(stored.key);
    const after = scoreEvents(narrow, events, 'zh-CN', [stored.key]);
    expect(after.overturned.map((v) => v.key)).toEqual([now.key]);
    expect(after.violations.some((v) => v.rule === 'no-payment-reminder')).toBe(false);
  });
});

describe('followAppealKeys', () => {
  it('a key the report has is its own, even when another stored key shares its anchor', () => {
    const current = ['buyer-gave-up|100|a1|b1'];
    expect(followAppealKeys(['buyer-gave-up|100|a1|b1', 'buyer-left|100'], current)).toEqual(
      new Map([['buyer-gave-up|100|a1|b1', 'buyer-gave-up|100|a1|b1']]),
    );
  });

  it('one violation answers one appeal', () => {
    const follow = followAppealKeys(['buyer-left|100', 'buyer-gave-up|100||b1'], ['buyer-gave-up|100|a1|b1']);
    expect([...follow.values()]).toEqual(['buyer-gave-up|100|a1|b1']);
  });

  it('every other rule is named by its key alone: two wrong facts of one reply, two slow replies', () => {
    expect(followAppealKeys(['wrong-fact|5|a1|p.colour'], ['wrong-fact|5|a1|p.size']).size).toBe(0);
    expect(followAppealKeys(['slow-response|5|a1'], ['slow-response|9|a2']).size).toBe(0);
    expect(appealAnchor('wrong-fact|5|a1|p.colour')).toBe('wrong-fact|5|a1|p.colour');
  });

  it('two unpaid orders stay apart, and a repeat mark is part of the name', () => {
    expect(
      followAppealKeys(
        ['no-payment-reminder|120||o2'],
        ['no-payment-reminder|60||o1', 'no-payment-reminder|70||o2'],
      ),
    ).toEqual(new Map([['no-payment-reminder|120||o2', 'no-payment-reminder|70||o2']]));
    expect(appealAnchor('buyer-left|100#2')).not.toBe(appealAnchor('buyer-left|100'));
  });
});
