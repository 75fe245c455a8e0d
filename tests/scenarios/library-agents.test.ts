// The shipped library against typical trainee behaviour: every scenario is winnable (its model answer scores
// ≥ 90 with no violation, each counter-example gives exactly its violations), and agents that stay silent,
// answer slowly, repeat one text or dodge questions get the matching violations on every scenario.
import { describe, expect, it } from 'vitest';
import { readLibrary } from '../../server/src/cli/read-library.ts';
import { playScript } from '../../shared/src/proof/play.ts';
import { proveScenario } from '../../shared/src/proof/prove.ts';
import { loadLibrary } from '../../shared/src/scenario/load.ts';
import type { AgentScript, BuyerScenario } from '../../shared/src/scenario/schema.ts';
import { createMatcher, judgeFact } from '../../shared/src/text/index.ts';

const { library, errors } = loadLibrary(readLibrary('scenarios'));
const scenarios = [...library.buyers.values()];

const rulesOf = (scenario: BuyerScenario, script: AgentScript) =>
  playScript(library, scenario.id, script).report;

describe('the shipped scenario library', () => {
  it('loads without errors and has at least 12 buyer scenarios on at least 4 products', () => {
    expect(errors).toEqual([]);
    expect(scenarios.length).toBeGreaterThanOrEqual(12);
    expect(library.products.size).toBeGreaterThanOrEqual(4);
    expect(library.phrases.size).toBeGreaterThanOrEqual(30);
  });

  it.each(scenarios.map((s) => [s.id]))('%s is proven: model answer wins, counter-examples match', (id) => {
    const failures = proveScenario(library, id)
      .filter((run) => !run.ok)
      .map((run) => `${run.script} seed ${run.seed}: ${run.problems.join('; ')}`);
    expect(failures).toEqual([]);
  });
});

describe.each(scenarios.map((s) => [s.id, s] as const))('typical trainee mistakes on %s', (_id, scenario) => {
  it('a silent agent leaves the buyer unanswered, loses them and scores low', () => {
    const report = rulesOf(scenario, []);
    const rules = report.violations.map((v) => v.rule);
    expect(rules).toContain('unanswered');
    expect(rules).toContain('buyer-left');
    expect(report.score).toBeLessThan(20);
  });

  it('an agent who always takes 45 s is slow on the first response and on later turns', () => {
    const slow = scenario.modelAnswer.map((step) => ({ ...step, after: 45 }));
    const rules = rulesOf(scenario, slow).violations.map((v) => v.rule);
    expect(rules).toContain('slow-first-response');
    expect(rules).toContain('slow-response');
  });

  it('an agent who keeps pasting the same greeting repeats a phrase and scores low', () => {
    const same: AgentScript = Array.from({ length: 6 }, () => ({
      wait: 'none' as const,
      after: 8,
      phrase: 'greet-here',
    }));
    const report = rulesOf(scenario, same);
    expect(report.violations.map((v) => v.rule)).toContain('phrase-repeated');
    expect(report.score).toBeLessThan(70);
  });

  it('an agent who dodges every question, complaint or order change is caught and scores low', () => {
    const dodge: AgentScript = Array.from({ length: 6 }, (_, i) => ({
      wait: 'reply' as const,
      after: 2,
      say: ['亲，我们家的东西都很好的，放心', '这个您放心哈，很多人买', '亲，质量没问题的', '好评很多的亲'][
        i % 4
      ]!,
    }));
    const { report } = playScript(library, scenario.id, dodge);
    const rules = report.violations.map((v) => v.rule);
    // Caught at the buyer's first request: a question or worry is dodged, an order change is dodged by
    // leaving the order as it was (the buyer leaves there, before asking anything else).
    const first = scenario.beats.find(
      (beat) =>
        beat.change !== undefined ||
        [beat, ...(beat.messages ?? [])].some(
          (line) => line.ask !== undefined || line.objection !== undefined,
        ),
    );
    const caught =
      first?.change !== undefined ? ['order-not-updated'] : ['question-evaded', 'objection-unaddressed'];
    expect(rules.some((rule) => caught.includes(rule))).toBe(true);
    // Nothing for accuracy, phrase use, sales or the outcome; prompt, polite replies keep their
    // responsiveness and courtesy (30 + 10 of the default rubric's 100) — the buyer who gives up on an
    // unanswered question is charged to accuracy, not to replies that came in time. A mid-sale buyer who came
    // with the order placed or paid brought that outcome: the reception lost them, so it earns none of it.
    const earned = Object.fromEntries(report.dimensions.map((d) => [d.id, d.score]));
    expect([earned.accuracy, earned.phraseUse, earned.salesActions, earned.outcome]).toEqual([0, 0, 0, 0]);
    expect(report.score).toBeLessThanOrEqual(40);
  });
});

describe('natural wording in the shipped catalogue', () => {
  const matcher = createMatcher(library.lexicon, [...library.products.values()]);
  const products = [...library.products.values()];
  const judgeFit = (text: string) =>
    judgeFact(matcher, matcher.analyse(text), products, 'down-jacket.fit', true);

  it.each(['尺码是正常的，平时穿啥就拍啥', '这款不偏大也不偏小哦', '标准码，按平时穿的码拍就行'])(
    '"%s" states the jacket runs true to size',
    (text) => {
      expect(judgeFit(text)).toBe('stated');
    },
  );

  it.each(['偏大一码，建议拍小一码', '这款尺码偏大'])('"%s" contradicts it', (text) => {
    expect(judgeFit(text)).toBe('contradicted');
  });
});
