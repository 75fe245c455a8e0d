// A buyer who walks in later (a random mix's second or third buyer) and a practice the student ends
// (结束练习): both are part of the log, so a replay rebuilds exactly the same conversation.
import { createShopperContext, replayShopper, startShopper, stepShopper } from '@kefu/shared';
import { describe, expect, it } from 'vitest';
import { fixtureLibrary } from './fixture.ts';

const library = fixtureLibrary();
const ctx = createShopperContext(library, 'colour', library.rubrics.get('default')!);
const T0 = 1_000_000;

describe('a buyer arriving later', () => {
  it('sends the first message at arrival, not before, and the log says when', () => {
    const start = startShopper(ctx, 3, T0, T0 + 12_000);
    expect(start.outputs).toEqual([
      expect.objectContaining({ type: 'started', at: T0, arrivesAt: T0 + 12_000 }),
    ]);
    expect(start.wakeAt).toBe(T0 + 12_000);
    const early = stepShopper(ctx, start.state, { type: 'wake' }, T0 + 11_999);
    expect(early.outputs).toEqual([]);
    const arrived = stepShopper(ctx, early.state, { type: 'wake' }, T0 + 12_000);
    expect(arrived.outputs[0]).toMatchObject({ type: 'buyer-message', at: T0 + 12_000 });

    const log = [...start.outputs, ...arrived.outputs];
    const replayed = replayShopper(ctx, log);
    expect(replayed.state).toEqual(arrived.state);
    expect(replayed.wakeAt).toBe(arrived.wakeAt);
  });

  it('arrives at once when the arrival is not later than the start', () => {
    const start = startShopper(ctx, 3, T0, T0);
    expect(start.outputs[0]).not.toHaveProperty('arrivesAt');
    expect(start.outputs[1]).toMatchObject({ type: 'buyer-message', at: T0 });
  });
});

describe('an abandoned practice', () => {
  it('ends as abandoned, and a replay of its log ends the same way', () => {
    const start = startShopper(ctx, 5, T0);
    const stopped = stepShopper(ctx, start.state, { type: 'stop', reason: 'abandoned' }, T0 + 4_000);
    expect(stopped.outputs.at(-1)).toEqual({ type: 'ended', at: T0 + 4_000, reason: 'abandoned' });
    expect(stopped.wakeAt).toBeNull();
    const replayed = replayShopper(ctx, [...start.outputs, ...stopped.outputs]);
    expect(replayed.outputs).toEqual([...start.outputs, ...stopped.outputs]);
    expect(replayed.state).toEqual(stopped.state);
  });
});
