// The live reading (the drill monitor's fold) against the report: fed one committed event at a time, read at
// any moment, it is the report of the log so far judged at that moment — and at the end, the report itself.
import { describe, expect, it } from 'vitest';
import { readLibrary } from '../../../server/src/cli/read-library.ts';
import { playScript, scoreEvents } from '../../../shared/src/proof/play.ts';
import { loadLibrary } from '../../../shared/src/scenario/load.ts';
import { LiveReception, scoreConversation } from '../../../shared/src/scoring/index.ts';
import { createShopperContext } from '../../../shared/src/shopper/context.ts';
import { LogBuilder, makeRubric, makeScenario, ms } from './log-builder.ts';

const { library } = loadLibrary(readLibrary('scenarios'));
const rubric = library.rubrics.get('default')!;

function setupFor(scenarioId: string) {
  const ctx = createShopperContext(library, scenarioId, rubric);
  return {
    ctx,
    setup: {
      scenario: ctx.scenario,
      scenarioVersion: library.versions.get(scenarioId) ?? '',
      rubric,
      phrases: library.phrases,
      particles: library.lexicon.particles,
      products: library.products,
    },
  };
}

/** A few scenarios with every script each has (model answer and counter-examples): enough variety, quick. */
const runs = [...library.buyers.values()]
  .slice(0, 6)
  .flatMap((scenario) => [
    { scenario: scenario.id, name: 'model', script: scenario.modelAnswer },
    ...scenario.counterExamples.map((c) => ({ scenario: scenario.id, name: c.name, script: c.script })),
  ]);

describe('the live reading of a played conversation', () => {
  it.each(runs.map((r) => [`${r.scenario} · ${r.name}`, r] as const))(
    '%s: at every event it is the report of the log so far, and at the end the report',
    (_name, run) => {
      const { ctx, setup } = setupFor(run.scenario);
      const { events } = playScript(library, run.scenario, run.script);
      const live = new LiveReception(setup);
      events.forEach((event, i) => {
        live.add(event);
        // Half a second after the event: pending lateness included, exactly as the report judges "now".
        const now = event.at + 500;
        const expected = scoreConversation({ ...setup, events: events.slice(0, i + 1), now });
        expect(live.read(now).report).toEqual(expected);
      });
      const end = events.at(-1)!.at;
      const reading = live.read(end + 60_000);
      expect(reading.ended).toBe(true);
      expect(reading.report).toEqual(scoreEvents(ctx, events));
      expect(reading.changesAt).toBeNull();
      expect(reading.waitingSince).toBeNull();
    },
  );
});

describe('the live reading of a waiting buyer', () => {
  const scenario = makeScenario({ persona: { name: '小王', patience: 45 } });
  const setup = {
    scenario,
    scenarioVersion: 'v1',
    rubric: makeRubric({ thresholds: { firstResponseSeconds: 5, responseSeconds: 20 } }),
    phrases: new Map(),
    particles: [],
  };

  it('says when the wait began, when it next turns late, and when the buyer is expected to leave', () => {
    const log = new LogBuilder().started();
    log.buyer(0);
    log.buyer(4, 'color');
    const live = new LiveReception(setup);
    for (const e of log.events) live.add(e);

    const early = live.read(ms(4));
    expect(early.waitingSince).toBe(ms(0));
    expect(early.firstTurn).toBe(true);
    // The class's rubric: first response 5 s, then 20 s (one millisecond past each limit).
    expect(early.changesAt).toBe(ms(5) + 1);
    // The scenario's patience (45 s), from the buyer's latest line.
    expect(early.leavesAt).toBe(ms(49));
    expect(early.report.violations).toEqual([]);

    const late = live.read(ms(6));
    expect(late.changesAt).toBe(ms(20) + 1);
    expect(late.report.violations.map((v) => [v.rule, v.atSeconds, v.detail.pending])).toEqual([
      ['slow-first-response', 5, true],
    ]);
    expect(late.report.violations[0]?.message).toBe('买家进店已超过 5 秒还没有首次响应。');

    const later = live.read(ms(21));
    expect(later.changesAt).toBeNull();
    expect(later.report.violations.map((v) => v.rule)).toEqual(['slow-first-response', 'slow-response']);

    // The reply comes at 25 s: both become the reply's own, with the seconds it took.
    live.add({ type: 'agent-message', at: ms(25), id: 'a1', text: '在的亲', source: 'typed' });
    const answered = live.read(ms(26));
    expect(answered.waitingSince).toBeNull();
    expect(answered.leavesAt).toBeNull();
    expect(answered.report.violations.map((v) => [v.rule, v.atSeconds, v.detail.seconds])).toEqual([
      ['slow-first-response', 25, 25],
      ['slow-response', 25, 25],
    ]);
  });

  it('moves on to the payment and follow-up windows', () => {
    const log = new LogBuilder().started();
    log.buyer(0);
    log.agent(1);
    log.quiet(2, 62);
    log.order(10);
    const live = new LiveReception(setup);
    for (const e of log.events) live.add(e);
    // The follow-up window closes at 62 s, then the payment window (120 s after the order) at 130 s.
    expect(live.read(ms(11)).changesAt).toBe(ms(62));
    expect(live.read(ms(62)).changesAt).toBe(ms(130));
    expect(live.read(ms(62)).report.violations.map((v) => v.rule)).toEqual(['no-follow-up']);
    expect(live.read(ms(130)).report.violations.map((v) => v.rule)).toEqual([
      'no-follow-up',
      'no-payment-reminder',
    ]);
  });
});
