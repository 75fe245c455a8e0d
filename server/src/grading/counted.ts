// Which conversations a class's reports show — the one filter the class report, grades.csv and a student's
// class report all use: ended, not abandoned (结束练习), and either solo practice or one of this class's
// drills and exams (a drill of another class the student is also in belongs there, not here). Which of them
// make the grade is ./grade.ts's rule.
import type { Report } from '@kefu/shared';
import type { ConversationRow } from '../db/repositories/conversations.ts';

/** The conversations a class's reports may show for a student: solo practice and this class's drills. */
export function inClass(row: ConversationRow, classDrillIds: ReadonlySet<string>): boolean {
  return row.drill_id === null || classDrillIds.has(row.drill_id);
}

/** The ended conversations of the class's reports (the grade takes its part of them). */
export function countsForClass(row: ConversationRow, classDrillIds: ReadonlySet<string>): boolean {
  return row.status === 'ended' && inClass(row, classDrillIds);
}

/** An ended conversation is graded unless the student abandoned the practice (its report says so). */
export function isGraded(report: Pick<Report, 'abandoned'>): boolean {
  return !report.abandoned;
}
