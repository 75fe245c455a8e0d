// Model answers (the advice beside each mistake quotes them) stay hidden from a student while an exam of
// their class that uses the scenario has not closed: in the exam's own receptions and in solo practice of
// the same scenario alike, or practising it would hand out the exam's answers. Pure.
import type { ConversationRow } from '../db/repositories/conversations.ts';
import type { DrillRow } from '../db/repositories/drills.ts';

export function modelAnswersHidden(
  drills: readonly Pick<DrillRow, 'id' | 'kind' | 'status' | 'versions'>[],
  conversation: Pick<ConversationRow, 'drill_id' | 'scenario_id'>,
): boolean {
  return drills.some(
    (d) =>
      d.kind === 'exam' &&
      d.status !== 'finished' &&
      (d.id === conversation.drill_id || conversation.scenario_id in JSON.parse(d.versions)),
  );
}
