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

export function proveScenario(
  library: Library,
  scenarioId: string,
  options: { rubric?: Rubric; seeds?: readonly number[] } = {},
): ProofRun[] {
  const scenario = library.buyers.get(scenarioId);
  if (!scenario) throw new Error(`unknown scenario "${scenarioId}"`);
  const runs: ProofRun[] = [];
  for (const seed of options.seeds ?? PROOF_SEEDS) {
    const model = playScript(library, scenarioId, scenario.modelAnswer, { seed, rubric: options.rubric });
    const problems = [
      ...model.problems,
      ...violationDiff(
        [],
        model.report.violations.map((v) => v.rule),
      ),
    ];
    if (model.report.score < MODEL_ANSWER_MIN_SCORE) {
      problems.unshift(`得分 ${model.report.score} 低于 ${MODEL_ANSWER_MIN_SCORE}`);
    }
    runs.push({
      ...model,
      scenarioId,
      script: 'modelAnswer',
      kind: 'model',
      seed,
      expected: [],
      ok: problems.length === 0,
      problems,
    });
    for (const counter of scenario.counterExamples) {
      const played = playScript(library, scenarioId, counter.script, { seed, rubric: options.rubric });
      const diff = [
        ...played.problems,
        ...violationDiff(
          counter.violations,
          played.report.violations.map((v) => v.rule),
        ),
      ];
      runs.push({
        ...played,
        scenarioId,
        script: counter.name,
        kind: 'counter',
        seed,
        expected: counter.violations,
        ok: diff.length === 0,
        problems: diff,
      });
    }
  }
  return runs;
}
