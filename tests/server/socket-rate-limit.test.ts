// The flood guard's real bound: a burst of `capacity` events, then one more each time 1/capacity of the
// window has passed — so up to twice `capacity` in one window, and never more (README, protocol).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TokenBucket } from '../../server/src/realtime/socket-rate-limit.ts';

const CAPACITY = 20;
const WINDOW = 5_000;
const EVERY = WINDOW / CAPACITY;

/** The times at which the bucket let an event through, for events arriving at `times` (sorted). */
function accepted(times: number[]): number[] {
  const bucket = new TokenBucket(CAPACITY, WINDOW, 0);
  return times.filter((t) => bucket.take(t));
}

describe('socket flood guard', () => {
  it('lets a burst of its capacity through at once, then one per 1/capacity of the window', () => {
    expect(accepted(Array(CAPACITY + 1).fill(0))).toHaveLength(CAPACITY);
    const after = [...Array(CAPACITY).fill(0), EVERY - 1, EVERY, EVERY];
    expect(accepted(after)).toEqual([...Array(CAPACITY).fill(0), EVERY]);
  });

  it('reaches twice its capacity within one window when pressed without pause', () => {
    const times = Array.from({ length: 10 * CAPACITY }, (_, i) => Math.floor((i * WINDOW) / (4 * CAPACITY)));
    const inFirstWindow = accepted(times).filter((t) => t <= WINDOW);
    expect(inFirstWindow).toHaveLength(2 * CAPACITY);
  });

  it('never lets more than twice its capacity through in any window', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 4 * WINDOW }), { maxLength: 400 }), (raw) => {
        const through = accepted([...raw].sort((a, b) => a - b));
        for (const [i, start] of through.entries()) {
          const inWindow = through.slice(i).filter((t) => t <= start + WINDOW).length;
          expect(inWindow).toBeLessThanOrEqual(2 * CAPACITY);
        }
      }),
    );
  });
});
