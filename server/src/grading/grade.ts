// The multi-party grade: the system's score and the latest teacher, mentor and self evaluation, weighted by
// the class's weights; parts nobody gave yet are left out and the weights renormalised.
import { type EvaluationView, type GradeView, type GradeWeights, roundTo1 } from '@kefu/shared';

export function gradeOf(
  weights: GradeWeights,
  system: number | null,
  evaluations: readonly EvaluationView[],
): GradeView {
  const latest = (kind: EvaluationView['kind']) => {
    const mine = evaluations.filter((e) => e.kind === kind);
    return mine.length === 0 ? null : mine[mine.length - 1]!.score;
  };
  const parts = { system, teacher: latest('teacher'), mentor: latest('mentor'), self: latest('self') };
  let total = 0;
  let weight = 0;
  for (const key of ['system', 'teacher', 'mentor', 'self'] as const) {
    const value = parts[key];
    if (value === null) continue;
    total += value * weights[key];
    weight += weights[key];
  }
  return { weights, ...parts, total: weight === 0 ? null : roundTo1(total / weight) };
}
