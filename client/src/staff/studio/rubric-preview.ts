// What a rubric change would do to recent reports: each conversation's logged events scored again with
// the draft rubric by the same pure scoring as the server, beside the score it has now.
import {
  type ConversationEvent,
  createShopperContext,
  type Library,
  type Report,
  type Rubric,
  scoreEvents,
} from '@kefu/shared';

export interface PreviewInput {
  studentId: string;
  studentName: string;
  conversationId: string;
  scenarioId: string;
  report: Report;
  events: readonly ConversationEvent[];
}

export interface PreviewRow {
  studentId: string;
  studentName: string;
  conversations: number;
  before: number;
  after: number;
  delta: number;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

export function previewScores(
  inputs: readonly PreviewInput[],
  library: Library,
  rubric: Rubric,
): PreviewRow[] {
  const byStudent = new Map<string, { name: string; before: number[]; after: number[] }>();
  for (const input of inputs) {
    if (!library.buyers.has(input.scenarioId)) continue;
    const ctx = createShopperContext(library, input.scenarioId, rubric);
    const after = scoreEvents(ctx, input.events).score;
    const entry = byStudent.get(input.studentId) ?? { name: input.studentName, before: [], after: [] };
    entry.before.push(input.report.score);
    entry.after.push(after);
    byStudent.set(input.studentId, entry);
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  return [...byStudent.entries()].map(([studentId, e]) => {
    const before = round1(mean(e.before));
    const after = round1(mean(e.after));
    return {
      studentId,
      studentName: e.name,
      conversations: e.before.length,
      before,
      after,
      delta: round1(after - before),
    };
  });
}
