// The grade's rules, pure. What counts: solo practice when the class includes it, and the drills and exams the
// instructor marked graded (a drill of another class counts there, not here). Drills make the system part,
// exams their own part. The multi-party grade weighs system, exam and the latest teacher, mentor and self
// evaluation by the class's weights; parts nobody gave yet are left out and the weights renormalised.
import { type EvaluationView, type GradeView, type GradeWeights, roundTo1 } from '@kefu/shared';

/** A drill or exam of the class, as the grade sees it. */
export interface GradedDrill {
  kind: 'drill' | 'exam';
  graded: boolean;
  /** An exam that closed (its results are final). */
  closed: boolean;
}

export interface GradeScope {
  /** Solo practice counts. */
  solo: boolean;
  /** The class's drills and exams by id. */
  drills: ReadonlyMap<string, GradedDrill>;
}

export type GradePart = 'system' | 'exam';

/** The part of the grade a reception's score goes to (by its drill, null for solo practice), or null. */
export function gradePart(drillId: string | null, scope: GradeScope): GradePart | null {
  if (drillId === null) return scope.solo ? 'system' : null;
  const drill = scope.drills.get(drillId);
  if (!drill?.graded) return null;
  return drill.kind === 'exam' ? 'exam' : 'system';
}

/**
 * The exam part: for each graded exam that closed, the mean of the student's scores in it (0 when they did
 * not take it); the mean over those exams. Null before any graded exam closed.
 */
export function examPart(
  scope: GradeScope,
  scores: readonly { drillId: string | null; score: number }[],
): number | null {
  const perExam: number[] = [];
  for (const [id, drill] of scope.drills) {
    if (drill.kind !== 'exam' || !drill.graded || !drill.closed) continue;
    const mine = scores.filter((s) => s.drillId === id).map((s) => s.score);
    perExam.push(mine.length === 0 ? 0 : mean(mine));
  }
  return perExam.length === 0 ? null : roundTo1(mean(perExam));
}

export function gradeOf(
  weights: GradeWeights,
  scores: { system: number | null; exam: number | null },
  evaluations: readonly EvaluationView[],
): GradeView {
  const latest = (kind: EvaluationView['kind']) => {
    const mine = evaluations.filter((e) => e.kind === kind);
    return mine.length === 0 ? null : mine[mine.length - 1]!.score;
  };
  const parts = {
    system: scores.system,
    exam: scores.exam,
    teacher: latest('teacher'),
    mentor: latest('mentor'),
    self: latest('self'),
  };
  let total = 0;
  let weight = 0;
  for (const key of ['system', 'exam', 'teacher', 'mentor', 'self'] as const) {
    const value = parts[key];
    if (value === null) continue;
    total += value * weights[key];
    weight += weights[key];
  }
  return { weights, ...parts, total: weight === 0 ? null : roundTo1(total / weight) };
}

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
