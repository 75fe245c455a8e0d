// An exam's content stays hidden from the class's students until the exam opens: its scenarios are not
// listed, opened, practised on one's own or shown on the learning path, and the exam's own view names none
// of them. Staff see everything; once the exam opens its scenarios are the students' to play (the model
// answers stay hidden until it closes: grading/answers.ts).
import type { DrillView } from '@kefu/shared';
import type { FastifyInstance } from 'fastify';
import type { DrillRow } from '../db/repositories/drills.ts';
import type { UserRow } from '../db/repositories/users.ts';

const NONE: ReadonlySet<string> = new Set();

/** Whether `drill` is an exam its students may not look into yet. */
export const isUnopenedExam = (drill: Pick<DrillRow, 'kind' | 'status'>) =>
  drill.kind === 'exam' && drill.status === 'draft';

/** The scenarios of the exams among `drills` that have not opened. Pure. */
export function unopenedExamScenarios(
  drills: readonly Pick<DrillRow, 'kind' | 'status' | 'versions'>[],
): Set<string> {
  const hidden = new Set<string>();
  for (const d of drills) {
    if (isUnopenedExam(d)) for (const id of Object.keys(JSON.parse(d.versions))) hidden.add(id);
  }
  return hidden;
}

/** A drill as a student sees it: an exam not open yet without its scenarios. Pure. */
export function studentDrillView(view: DrillView): DrillView {
  if (!isUnopenedExam(view)) return view;
  return { ...view, settings: { ...view.settings, scenarioIds: [] }, versions: {} };
}

/** The scenarios hidden from `user`: those of their classes' exams not open yet (none for staff). */
export async function hiddenScenarios(
  app: FastifyInstance,
  user: UserRow,
  classIds: readonly string[] | null,
): Promise<ReadonlySet<string>> {
  if (user.role !== 'student' || classIds === null || classIds.length === 0) return NONE;
  return unopenedExamScenarios(await app.drills.unopenedExams(classIds));
}
