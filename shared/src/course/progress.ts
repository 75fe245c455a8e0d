// A student's progress along the learning path, folded from the scores of their finished receptions: a
// scenario is passed once it scored at least its unit's pass score, a unit once enough different scenarios
// of it are passed, and a unit opens when every unit before it is passed. Pure: results come in, nothing is read.
import {
  type BuyerScenario,
  type Course,
  type CourseUnit,
  RULE_IDS,
  type RuleId,
} from '../scenario/schema.ts';

/** One finished, graded reception of the student (abandoned practice left out by the caller). */
export interface ScenarioResult {
  scenarioId: string;
  score: number;
  /** When it ended (epoch ms): orders results and dates a passed unit. */
  endedAt: number;
  /** How often each rule was broken in it. */
  violations: Partial<Record<RuleId, number>>;
}

/** What the path needs to know of a scenario of the library. */
export interface PathScenario {
  id: string;
  title: string;
  unit: string | undefined;
  difficulty: number;
  /** The rules its counter-examples exercise: what practising it trains. */
  rules: readonly RuleId[];
}

export type UnitStatus = 'passed' | 'open' | 'locked';

export interface ScenarioProgress {
  id: string;
  title: string;
  difficulty: number;
  /** Best score so far; null when never finished. */
  best: number | null;
  attempts: number;
  passed: boolean;
}

export interface UnitProgress {
  unit: CourseUnit;
  status: UnitStatus;
  /** Easiest first. */
  scenarios: ScenarioProgress[];
  /** Different scenarios passed, and how many the pass mark asks for (never more than the unit has). */
  passedCount: number;
  required: number;
  /** When the pass mark was reached (the end of the reception that reached it); null until then. */
  passedAt: number | null;
}

export interface PathProgress {
  courseId: string;
  courseName: string;
  units: UnitProgress[];
  /** The first unit not passed yet (always open); null when every unit is passed. */
  current: string | null;
}

const byDifficulty = (a: PathScenario, b: PathScenario) =>
  a.difficulty - b.difficulty || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function pathProgress(
  course: Course,
  scenarios: readonly PathScenario[],
  results: readonly ScenarioResult[],
): PathProgress {
  const chronological = [...results].sort((a, b) => a.endedAt - b.endedAt);
  const units: UnitProgress[] = [];
  let previousPassed = true;
  for (const unit of course.units) {
    const members = scenarios.filter((s) => s.unit === unit.id).sort(byDifficulty);
    const ids = new Set(members.map((s) => s.id));
    const required = Math.min(unit.pass.scenarios, members.length);
    // Walk the results in time order: the moment the required-th different scenario passed dates the unit.
    const passedIds = new Set<string>();
    let passedAt: number | null = null;
    for (const r of chronological) {
      if (!ids.has(r.scenarioId) || r.score < unit.pass.score || passedIds.has(r.scenarioId)) continue;
      passedIds.add(r.scenarioId);
      if (passedIds.size === required && required > 0) passedAt = r.endedAt;
    }
    const passed = required > 0 && passedIds.size >= required;
    units.push({
      unit,
      status: passed ? 'passed' : previousPassed ? 'open' : 'locked',
      scenarios: members.map((s) => {
        const mine = results.filter((r) => r.scenarioId === s.id);
        return {
          id: s.id,
          title: s.title,
          difficulty: s.difficulty,
          best: mine.length === 0 ? null : Math.max(...mine.map((r) => r.score)),
          attempts: mine.length,
          passed: passedIds.has(s.id),
        };
      }),
      passedCount: passedIds.size,
      required,
      passedAt: passed ? passedAt : null,
    });
    previousPassed = previousPassed && passed;
  }
  return {
    courseId: course.id,
    courseName: course.name,
    units,
    current: units.find((u) => u.status !== 'passed')?.unit.id ?? null,
  };
}

/** Whether a student may practise a scenario on their own: scenarios outside the path, or of an opened unit. */
export function isScenarioOpen(progress: PathProgress, scenarioId: string): boolean {
  const unit = progress.units.find((u) => u.scenarios.some((s) => s.id === scenarioId));
  return unit === undefined || unit.status !== 'locked';
}

/** The path's view of the library's buyer scenarios: the rules each trains are its counter-examples' violations. */
export function pathScenariosOf(buyers: Iterable<BuyerScenario>): PathScenario[] {
  return [...buyers].map((b) => {
    const used = new Set(b.counterExamples.flatMap((c) => c.violations));
    return {
      id: b.id,
      title: b.title,
      unit: b.unit,
      difficulty: b.difficulty,
      rules: RULE_IDS.filter((rule) => used.has(rule)),
    };
  });
}
