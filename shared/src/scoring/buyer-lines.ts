// Which scenario line a buyer message was: the shopper logs the beat id and the line index, and rules
// need the line's markings (ask, simple, objection) that the log does not repeat.
import type { Beat, BuyerLine, BuyerScenario } from '../scenario/schema.ts';

/** The markings of one buyer line, whether it is one of a beat's `messages` or the beat's own `say`. */
export type LineMarks = Pick<BuyerLine, 'ask' | 'simple' | 'objection' | 'need' | 'photo'>;

export function beatIndex(scenario: BuyerScenario): ReadonlyMap<string, Beat> {
  return new Map(scenario.beats.map((beat) => [beat.id, beat]));
}

/** Line i of the beat's `messages`, or the beat itself for line 0 of a beat that only has `say`. */
export function lineOf(
  beats: ReadonlyMap<string, Beat>,
  beatId: string,
  line: number,
): LineMarks | undefined {
  const beat = beats.get(beatId);
  if (!beat) return undefined;
  if (beat.messages) return beat.messages[line];
  return line === 0 ? beat : undefined;
}
