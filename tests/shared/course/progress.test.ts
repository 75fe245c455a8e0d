import { describe, expect, it } from 'vitest';
import {
  isScenarioOpen,
  type PathScenario,
  pathProgress,
  type ScenarioResult,
} from '../../../shared/src/course/progress.ts';
import type { Course } from '../../../shared/src/scenario/schema.ts';

const unit = (id: string, scenarios: number, score = 80) => ({
  id,
  name: id,
  goal: '—',
  competition: ['—'],
  certificate: ['—'],
  pass: { score, scenarios },
});
const course: Course = {
  id: 'c',
  name: '课程',
  units: [unit('one', 2), unit('two', 1, 90), unit('three', 1)],
};
const scenario = (id: string, unitId: string | undefined, difficulty = 1): PathScenario => ({
  id,
  title: id,
  unit: unitId,
  difficulty,
  rules: [],
});
const scenarios = [
  scenario('a2', 'one', 2),
  scenario('a1', 'one', 1),
  scenario('a3', 'one', 3),
  scenario('b1', 'two'),
  scenario('c1', 'three'),
  scenario('free', undefined),
];
const result = (scenarioId: string, score: number, endedAt: number): ScenarioResult => ({
  scenarioId,
  score,
  endedAt,
  violations: {},
});

describe('pathProgress', () => {
  it('opens only the first unit before anything is done, easiest scenarios first', () => {
    const p = pathProgress(course, scenarios, []);
    expect(p.units.map((u) => u.status)).toEqual(['open', 'locked', 'locked']);
    expect(p.units[0]!.scenarios.map((s) => s.id)).toEqual(['a1', 'a2', 'a3']);
    expect(p.current).toBe('one');
    expect(p.units[0]).toMatchObject({ passedCount: 0, required: 2, passedAt: null });
  });

  it('passes a unit once enough different scenarios reach the pass score, dated by the one that did', () => {
    const p = pathProgress(course, scenarios, [
      result('a1', 85, 100),
      result('a1', 95, 200), // the same scenario again does not count twice
      result('a2', 79.9, 300), // below the pass score
      result('a3', 80, 400),
    ]);
    expect(p.units[0]).toMatchObject({ status: 'passed', passedCount: 2, passedAt: 400 });
    expect(p.units[0]!.scenarios.find((s) => s.id === 'a1')).toMatchObject({
      best: 95,
      attempts: 2,
      passed: true,
    });
    expect(p.units[0]!.scenarios.find((s) => s.id === 'a2')).toMatchObject({ best: 79.9, passed: false });
    expect(p.units.map((u) => u.status)).toEqual(['passed', 'open', 'locked']);
    expect(p.current).toBe('two');
  });

  it("uses each unit's own pass score", () => {
    const p = pathProgress(course, scenarios, [
      result('a1', 80, 1),
      result('a2', 80, 2),
      result('b1', 89, 3),
    ]);
    expect(p.units[1]!.status).toBe('open');
    expect(
      pathProgress(course, scenarios, [result('a1', 80, 1), result('a2', 80, 2), result('b1', 90, 3)])
        .units[1]!.status,
    ).toBe('passed');
  });

  it('reads results in time order whatever order they come in', () => {
    const p = pathProgress(course, scenarios, [result('a3', 90, 500), result('a1', 90, 100)]);
    expect(p.units[0]!.passedAt).toBe(500);
  });

  it('keeps a unit passed in a drill passed, but does not open what follows a unit not passed', () => {
    const p = pathProgress(course, scenarios, [result('b1', 95, 10)]);
    expect(p.units.map((u) => u.status)).toEqual(['open', 'passed', 'locked']);
    expect(p.current).toBe('one');
  });

  it('never asks for more scenarios than a unit has', () => {
    const small: Course = { ...course, units: [unit('one', 5)] };
    const p = pathProgress(small, scenarios, [result('a1', 90, 1), result('a2', 90, 2), result('a3', 90, 3)]);
    expect(p.units[0]).toMatchObject({ required: 3, status: 'passed', passedAt: 3 });
    expect(p.current).toBeNull();
  });

  it('lets a student practise scenarios of opened units and scenarios outside the path', () => {
    const p = pathProgress(course, scenarios, []);
    expect(isScenarioOpen(p, 'a3')).toBe(true);
    expect(isScenarioOpen(p, 'b1')).toBe(false);
    expect(isScenarioOpen(p, 'free')).toBe(true);
  });
});
