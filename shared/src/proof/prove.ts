// Proves a scenario is what it claims: its model answer wins (score ≥ 90, no violation) and each
// counter-example produces exactly the violations it lists. Pure, so the studio can run it in the browser.
import type { Library } from '../scenario/library.ts';
import type { Rubric, RuleId } from '../scenario/schema.ts';
import { type Played, playScript } from './play.ts';

export const MODEL_ANSWER_MIN_SCORE = 90;
/** Seeds each script is proven under: variant lines and typing delays differ, the verdict must not. */
export const PROOF_SEEDS = [1, 2, 3] as const;

export interface ProofRun extends Played {
  scenarioId: string;
  script: string;
  kind: 'model' | 'counter';
  seed: number;
  expected: RuleId[];
  ok: boolean;
  /** What is wrong, one line each (Chinese). */
  problems: string[];
}

function countRules(rules: readonly RuleId[]): Map<RuleId, number> {
  const counts = new Map<RuleId, number>();
  for (const rule of rules) counts.set(rule, (counts.get(rule) ?? 0) + 1);
  return counts;
}

/** Differences between the violations expected and those produced, e.g. `多了 slow-response ×1`. */
export function violationDiff(expected: readonly RuleId[], actual: readonly RuleId[]): string[] {
  const want = countRules(expected);
  const got = countRules(actual);
  const problems: string[] = [];
  for (const rule of new Set([...want.keys(), ...got.keys()])) {
    const diff = (got.get(rule) ?? 0) - (want.get(rule) ?? 0);
    if (diff > 0) problems.push(`多了 ${rule} ×${diff}`);
    if (diff < 0) problems.push(`少了 ${rule} ×${-diff}`);
  }
  return problems.sort();
}

/** One run of a proof: a script (the model answer or a counter-example) under one seed. */
export interface ProofTask {
  scenarioId: string;
  kind: 'model' | 'counter';
  /** `modelAnswer` or the counter-example's name. */
  script: string;
  seed: number;
}

/** The runs that prove a scenario, in the order they are reported: per seed, the model answer then each counter-example. */
export function proofTasks(
  library: Library,
  scenarioId: string,
  seeds: readonly number[] = PROOF_SEEDS,
): ProofTask[] {
  const scenario = library.buyers.get(scenarioId);
  if (!scenario) throw new Error(`unknown scenario "${scenarioId}"`);
  return seeds.flatMap((seed) => [
    { scenarioId, kind: 'model' as const, script: 'modelAnswer', seed },
    ...scenario.counterExamples.map((c) => ({ scenarioId, kind: 'counter' as const, script: c.name, seed })),
  ]);
}

/** Plays one task and says whether it proves what it claims. */
export function proveTask(library: Library, task: ProofTask, rubric?: Rubric): ProofRun {
  const scenario = library.buyers.get(task.scenarioId);
  if (!scenario) throw new Error(`unknown scenario "${task.scenarioId}"`);
  const counter =
    task.kind === 'counter' ? scenario.counterExamples.find((c) => c.name === task.script) : undefined;
  if (task.kind === 'counter' && !counter) throw new Error(`unknown counter-example "${task.script}"`);
  const script = counter?.script ?? scenario.modelAnswer;
  const expected = counter?.violations ?? [];
  const played = playScript(library, task.scenarioId, script, { seed: task.seed, rubric });
  const problems = [
    ...played.problems,
    ...violationDiff(
      expected,
      played.report.violations.map((v) => v.rule),
    ),
  ];
  if (!counter && played.report.score < MODEL_ANSWER_MIN_SCORE) {
    problems.unshift(`得分 ${played.report.score} 低于 ${MODEL_ANSWER_MIN_SCORE}`);
  }
  return { ...played, ...task, expected, ok: problems.length === 0, problems };
}

export function proveScenario(
  library: Library,
  scenarioId: string,
  options: { rubric?: Rubric; seeds?: readonly number[] } = {},
): ProofRun[] {
  return proofTasks(library, scenarioId, options.seeds).map((task) =>
    proveTask(library, task, options.rubric),
  );
}
