import { describe, expect, it } from 'vitest';
import { type PathScenario, pathProgress, type ScenarioResult } from '../../../shared/src/course/progress.ts';
import { recommendNext, weaknesses } from '../../../shared/src/course/recommend.ts';
import type { Course, RuleId } from '../../../shared/src/scenario/schema.ts';

const unit = (id: string, scenarios: number) => ({
  id,
  name: id,
  goal: '—',
  competition: ['—'],
  certificate: ['—'],
  pass: { score: 80, scenarios },
});
const course: Course = { id: 'c', name: '课程', units: [unit('one', 2), unit('two', 1)] };
const scenario = (id: string, unitId: string, rules: RuleId[], difficulty = 1): PathScenario => ({
  id,
  title: id,
  unit: unitId,
  difficulty,
  rules,
});
// Every scenario exercises the slow first reply; few exercise the payment reminder or the follow-up.
const scenarios = [
  scenario('greet', 'one', ['slow-first-response', 'unanswered'], 1),
  scenario('remind', 'one', ['slow-first-response', 'no-payment-reminder'], 2),
  scenario('quiet', 'one', ['slow-first-response', 'no-follow-up'], 2),
  scenario('later', 'two', ['slow-first-response', 'no-payment-reminder']),
];
const result = (
  scenarioId: string,
  score: number,
  endedAt: number,
  violations: ScenarioResult['violations'] = {},
): ScenarioResult => ({ scenarioId, score, endedAt, violations });
const recommend = (results: ScenarioResult[]) =>
  recommendNext(pathProgress(course, scenarios, results), scenarios, results);

describe('weaknesses', () => {
  it('counts the rules broken in the latest results, most often first', () => {
    const results = [
      result('greet', 50, 1, { 'no-follow-up': 9 }), // older than the 20 latest: forgotten
      ...Array.from({ length: 20 }, (_, i) =>
        result('greet', 50, 10 + i, { 'slow-response': 1, 'no-payment-reminder': i % 2 }),
      ),
    ];
    expect(weaknesses(results)).toEqual([
      { rule: 'slow-response', count: 20 },
      { rule: 'no-payment-reminder', count: 10 },
    ]);
  });
});

describe('recommendNext', () => {
  it('without history: the easiest scenario of the first unit', () => {
    expect(recommend([])).toEqual({ scenarioId: 'greet', unitId: 'one', rules: [], kind: 'next' });
  });

  it('picks the scenario that trains the rule the student breaks most', () => {
    const results = [
      result('greet', 60, 1, { 'no-follow-up': 1, 'slow-first-response': 3 }),
      result('greet', 60, 2, { 'no-follow-up': 2 }),
    ];
    expect(recommend(results)).toMatchObject({
      scenarioId: 'quiet',
      rules: ['no-follow-up', 'slow-first-response'],
    });
    const reminders = [result('greet', 60, 1, { 'no-payment-reminder': 2, 'no-follow-up': 1 })];
    expect(recommend(reminders)).toMatchObject({ scenarioId: 'remind', rules: ['no-payment-reminder'] });
  });

  it('weighs a rare rule over one every scenario exercises', () => {
    // Four slow first replies against one missed follow-up: the follow-up scenario still wins, since the
    // slow first reply is trained by every scenario alike.
    const results = [result('greet', 60, 1, { 'slow-first-response': 4, 'no-follow-up': 1 })];
    expect(recommend(results)?.scenarioId).toBe('quiet');
  });

  it('stays in the current unit and skips what is passed', () => {
    const results = [result('quiet', 90, 1, {}), result('greet', 60, 2, { 'no-follow-up': 5 })];
    // quiet is passed, the unit is not (2 needed): the follow-up is not trained by what is left, and an
    // unplayed scenario goes before one played already.
    expect(recommend(results)).toMatchObject({ scenarioId: 'remind', unitId: 'one', rules: [] });
    const unitPassed = [result('quiet', 90, 1), result('greet', 90, 2, { 'no-payment-reminder': 1 })];
    expect(recommend(unitPassed)).toMatchObject({ scenarioId: 'later', unitId: 'two', kind: 'next' });
  });

  it('once the path is done, reviews the weakest scenario', () => {
    const results = [
      result('greet', 95, 1),
      result('remind', 81, 2),
      result('quiet', 88, 3),
      result('later', 92, 4),
    ];
    expect(recommend(results)).toMatchObject({ scenarioId: 'remind', kind: 'review' });
  });

  it('has nothing to recommend without scenarios on the path', () => {
    expect(recommendNext(pathProgress(course, [], []), [], [])).toBeNull();
  });
});
