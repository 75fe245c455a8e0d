// Beside each mistake the report shows the reply, what the model answer said at that point of the same
// conversation (same seed, same buyer lines) and the facts concerned.
import { describe, expect, it } from 'vitest';
import { readLibrary } from '../../../server/src/cli/read-library.ts';
import { adviseOn } from '../../../shared/src/proof/coaching.ts';
import { playScript } from '../../../shared/src/proof/play.ts';
import { loadLibrary } from '../../../shared/src/scenario/load.ts';
import { createShopperContext } from '../../../shared/src/shopper/context.ts';

const { library } = loadLibrary(readLibrary('scenarios'));
const rubric = library.rubrics.get('default')!;

function counter(scenarioId: string, name: string, seed = 1) {
  const scenario = library.buyers.get(scenarioId)!;
  const script = scenario.counterExamples.find((c) => c.name === name)!.script;
  const played = playScript(library, scenarioId, script, { seed });
  const ctx = createShopperContext(library, scenarioId, rubric);
  return { played, advice: adviseOn(ctx, played.events, played.report) };
}

describe('advice beside mistakes', () => {
  it('puts the model answer of the same moment beside a wrong fact, with the fact concerned', () => {
    const { played, advice } = counter('gift-urgent-shipping', '说发中通');
    const wrong = played.report.violations.findIndex((v) => v.rule === 'wrong-fact');
    expect(wrong).toBeGreaterThanOrEqual(0);
    const item = advice.find((a) => a.violation === wrong);
    expect(item?.reply).toContain('中通');
    expect(item?.model.join('')).toContain('顺丰冷链');
    expect(item?.facts.some((ref) => ref.startsWith('mooncake-box.'))).toBe(true);
  });

  it('beside a buyer who gave up on an unanswered question, shows the model answer there and the fact', () => {
    const { played, advice } = counter('pre-flask-gift-engrave', '连问两个只答一个');
    const gaveUp = played.report.violations.findIndex((v) => v.rule === 'buyer-gave-up');
    const item = advice.find((a) => a.violation === gaveUp);
    expect(item?.facts).toEqual(['vacuum-flask.gift-box']);
    // The student did reply: their last reply is shown, not "no reply".
    expect(item?.reply).toBe('可以免费激光刻字的~');
    expect(item?.model.join('')).toContain('礼盒装');
  });

  it('shows what the model said to a line that got no reply, and nothing for pure timing', () => {
    const { played, advice } = counter('gift-urgent-shipping', '不回复');
    const rules = played.report.violations.map((v) => v.rule);
    expect(rules).toEqual(['unanswered', 'buyer-left']);
    expect(advice.map((a) => played.report.violations[a.violation]?.rule)).toEqual(['unanswered']);
    expect(advice[0]).toMatchObject({ reply: null });
    expect(advice[0]!.model.length).toBeGreaterThan(0);
  });

  it('gives no advice to a model answer, which has no mistakes', () => {
    const scenario = library.buyers.get('gift-urgent-shipping')!;
    const played = playScript(library, scenario.id, scenario.modelAnswer, { seed: 2 });
    const ctx = createShopperContext(library, scenario.id, rubric);
    expect(adviseOn(ctx, played.events, played.report)).toEqual([]);
  });
});
