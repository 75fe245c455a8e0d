import { describe, expect, it } from 'vitest';
import { phraseRigid } from '../../../../shared/src/scoring/rules/phrase-rigid.ts';
import { firedAt, LogBuilder, makeRubric, makeScenario } from '../log-builder.ts';

const chars = (n: number): string => '亲'.repeat(n);

function phraseFor(beat: string, text: string, source: 'phrase' | 'typed' = 'phrase'): LogBuilder {
  const log = new LogBuilder().started();
  log.buyer(0, beat);
  log.agent(2, { source, phraseId: source === 'phrase' ? 'long' : undefined, text });
  return log;
}

describe('phrase-rigid', () => {
  it('does not fire at exactly the limit (40 characters) and fires at 41', () => {
    expect(firedAt(phraseRigid, phraseFor('color', chars(40)))).toEqual([]);
    expect(firedAt(phraseRigid, phraseFor('color', chars(41)))).toEqual([2]);
  });

  it('counts an emoji as one character', () => {
    expect(firedAt(phraseRigid, phraseFor('color', `${chars(39)}😊`))).toEqual([]);
  });

  it('only fires for a question the scenario marks simple', () => {
    expect(firedAt(phraseRigid, phraseFor('hello', chars(80)))).toEqual([]);
    expect(firedAt(phraseRigid, phraseFor('details', chars(80)))).toEqual([]);
  });

  it('only fires for quick phrases, not typed text', () => {
    expect(firedAt(phraseRigid, phraseFor('color', chars(80), 'typed'))).toEqual([]);
  });

  it('finds the simple line among several open messages and in a beat of several lines', () => {
    const log = new LogBuilder().started();
    log.buyer(0, 'hello');
    log.buyer(1, 'color');
    log.agent(3, { source: 'phrase', phraseId: 'long', text: chars(50) });
    expect(firedAt(phraseRigid, log)).toEqual([3]);

    const scenario = makeScenario({
      beats: [
        { id: 'two', messages: [{ say: '你好' }, { say: '有货吗', ask: 'jacket.stock', simple: true }] },
      ],
    });
    const multi = new LogBuilder().started();
    multi.buyer(0, 'two', 0);
    multi.agent(2, { source: 'phrase', phraseId: 'long', text: chars(50) });
    multi.buyer(5, 'two', 1);
    multi.agent(7, { source: 'phrase', phraseId: 'long2', text: chars(50) });
    expect(firedAt(phraseRigid, multi, { scenario })).toEqual([7]);
  });

  it('follows the rubric limit', () => {
    const rubric = makeRubric({ thresholds: { rigidPhraseChars: 10 } });
    expect(firedAt(phraseRigid, phraseFor('color', chars(11)), { rubric })).toEqual([2]);
  });
});
