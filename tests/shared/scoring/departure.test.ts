// Why the buyer left, as the report says it: a student who replies fast but never answers loses the buyer to
// the unanswered question (accuracy), not to slowness (responsiveness); and a log stored before the shopper
// said what the buyer waited for scores exactly as one that says it.
import { describe, expect, it } from 'vitest';
import { readLibrary } from '../../../server/src/cli/read-library.ts';
import type { ConversationEvent } from '../../../shared/src/conversation/events.ts';
import { playScript, scoreEvents } from '../../../shared/src/proof/play.ts';
import { PROOF_SEEDS } from '../../../shared/src/proof/prove.ts';
import { loadLibrary } from '../../../shared/src/scenario/load.ts';
import { createShopperContext } from '../../../shared/src/shopper/context.ts';

const { library } = loadLibrary(readLibrary('scenarios'));
const rubric = library.rubrics.get('default')!;

function counter(scenarioId: string, name: string, seed = 1) {
  const scenario = library.buyers.get(scenarioId)!;
  const script = scenario.counterExamples.find((c) => c.name === name)!.script;
  return playScript(library, scenarioId, script, { seed });
}

/** The log as stored before buyer-left said what the buyer waited for. */
function oldShaped(events: readonly ConversationEvent[]): ConversationEvent[] {
  return events.map((e) => (e.type === 'buyer-left' ? { type: e.type, at: e.at, reason: e.reason } : e));
}

describe('why the buyer left', () => {
  it('fast replies that leave a question open: full responsiveness, the departure charged to accuracy and explained by the question', () => {
    const played = counter('pre-flask-gift-engrave', '连问两个只答一个');
    const { report } = played;
    expect(report.metrics.firstResponseSeconds).toBeLessThanOrEqual(3);
    expect(report.violations.map((v) => v.rule)).toEqual(['question-evaded', 'buyer-gave-up']);
    const dimension = (id: string) => report.dimensions.find((d) => d.id === id)!;
    expect(dimension('responsiveness')).toMatchObject({ score: 1, violations: 0 });
    expect(dimension('accuracy').violations).toBe(2);
    const left = report.violations.find((v) => v.rule === 'buyer-gave-up')!;
    expect(left.message).toMatch(/^买家的消息都有回复，但「(有礼盒吗|带礼盒包装不)」一直没有得到正面回答/);
    expect(left.message).toContain('应回答「礼盒');
    expect(left.message).not.toContain('等不及');
    const ctx = createShopperContext(library, 'pre-flask-gift-engrave', rubric);
    const en = scoreEvents(ctx, played.events, 'en').violations.find((v) => v.rule === 'buyer-gave-up')!;
    expect(en.message).toMatch(
      /^Every message had a reply, but "(有礼盒吗|带礼盒包装不)" never got a real answer/,
    );
  });

  it('a silent student still loses the buyer for want of a reply (responsiveness)', () => {
    const { report } = counter('pre-flask-gift-engrave', '不回复');
    const left = report.violations.find((v) => v.rule === 'buyer-left')!;
    expect(left.message).toMatch(/^买家的消息等了 \d+(\.\d)? 秒都没有等到回复/);
  });

  it('scores every shipped counter-example the same from an old-shaped log as from the shopper’s own', () => {
    const differing: string[] = [];
    let departures = 0;
    for (const scenario of library.buyers.values()) {
      const ctx = createShopperContext(library, scenario.id, rubric);
      // The ones that lose the buyer to patience (and the silent one, among them everywhere).
      const leaving = scenario.counterExamples.filter((c) =>
        c.violations.some((rule) => rule === 'buyer-left' || rule === 'buyer-gave-up'),
      );
      for (const example of leaving) {
        const played = playScript(library, scenario.id, example.script, { seed: PROOF_SEEDS[0] });
        if (!played.events.some((e) => e.type === 'buyer-left' && e.reason === 'patience')) continue;
        departures++;
        const replayed = scoreEvents(ctx, oldShaped(played.events));
        if (JSON.stringify(replayed) !== JSON.stringify(played.report))
          differing.push(`${scenario.id} / ${example.name}`);
      }
    }
    expect(departures).toBeGreaterThan(70);
    expect(differing).toEqual([]);
  });
});
