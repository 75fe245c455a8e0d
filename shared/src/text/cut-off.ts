// A condition said as a time of day the order missed (16点以后 · 过了16点 · 下午4点后): shops and buyers say the
// same cut-off on either clock and in either word order (过了四点 · 4点之后 · 超过16点), so a catalogue condition
// of that shape is found in all of them. Pure.
import { normalise } from './normalise.ts';
import { chineseNumeral } from './vocabulary.ts';

const CUT_OFF = /^(下午|晚上)?(过了|超过)?(下午|晚上)?(\d{1,2})点(以后|之后|后)?$/;

/** The normalised ways of saying a condition word: itself, and for a clock cut-off its other spellings. */
export function conditionSpellings(word: string): string[] {
  const own = normalise(word);
  const cut = CUT_OFF.exec(own);
  if (!cut || (cut[2] === undefined && cut[5] === undefined)) return [own];
  const hour = Number(cut[4]);
  const afternoon = cut[1] !== undefined || cut[3] !== undefined;
  const hours = hour > 12 ? [hour, hour - 12] : afternoon && hour < 12 ? [hour, hour + 12] : [hour];
  const forms = new Set([own]);
  for (const h of hours)
    for (const spelled of [String(h), chineseNumeral(h)])
      for (const form of [
        `过了${spelled}点`,
        `超过${spelled}点`,
        `${spelled}点以后`,
        `${spelled}点之后`,
        `${spelled}点后`,
      ])
        forms.add(form);
  return [...forms];
}

/** Every spelling of the words of a condition (an `except` entry's `when`). */
export const conditionWords = (when: readonly string[]): string[] => when.flatMap(conditionSpellings);
