// A picture answers a question only where the scenario says so (answeredBy): the size chart of an image phrase
// answers 穿什么码 in a scenario that names it; the same words without it, another picture, or a scenario that
// names none leave the question dodged.
import type { AgentMessage } from '@kefu/shared';
import { describe, expect, it } from 'vitest';
import { formatError, loadLibrary } from '../../../shared/src/scenario/load.ts';
import { editFile } from '../scenario/library-files.ts';
import { context, Driver, T0 } from './driver.ts';

const chartPhrase = (id: string, image?: string): AgentMessage => ({
  id,
  text: '亲，这是我们的色卡，您看一下~',
  source: 'phrase',
  phraseId: 'hello',
  ...(image !== undefined && { image }),
});

function judged(scenario: string, message: AgentMessage) {
  const d = new Driver(context(scenario));
  d.until(T0 + 5_000);
  const ask = d.lastBuyerLine();
  d.send(message, ask.at + 1_000);
  const judgement = d.of('reply-judged').at(-1)!;
  return { ask: ask.id, judgement };
}

describe('a picture that answers a question', () => {
  it('answers the ask when the scenario names it', () => {
    const { ask, judgement } = judged('chart', chartPhrase('p1', 'images/colours.png'));
    expect(judgement).toMatchObject({ stated: [ask], evaded: [] });
  });

  it('leaves it dodged without the picture, with another picture, or where the scenario names none', () => {
    for (const [scenario, message] of [
      ['chart', chartPhrase('p1')],
      ['chart', chartPhrase('p2', 'images/other.png')],
      ['chart-plain', chartPhrase('p3', 'images/colours.png')],
    ] as const) {
      const { ask, judgement } = judged(scenario, message);
      expect(judgement, scenario).toMatchObject({ stated: [], evaded: [ask] });
    }
  });

  it('kefu check wants answeredBy beside an ask', () => {
    const errors = loadLibrary(
      editFile('buyers/colour-question.yaml', (t) =>
        t.replace(/( +)ask: .*\n/, '$1answeredBy: [images/chart.png]\n'),
      ),
    ).errors.map(formatError);
    expect(errors.some((e) => e.includes('answeredBy 要和 ask 一起写'))).toBe(true);
  });
});
