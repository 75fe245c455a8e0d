// The flood guard's real bound: a burst of `capacity` events, then one more each time 1/capacity of the
// window has passed — so up to twice `capacity` in one window, and never more (README, protocol).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TokenBucket, USER_RATE_LIMIT, UserBudgets } from '../../server/src/realtime/socket-rate-limit.ts';

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

describe("a user's budget split among the cluster's processes", () => {
  const burst = (bucket: TokenBucket, at: number) => {
    let n = 0;
    while (bucket.take(at)) n++;
    return n;
  };

  it('holds the whole budget alone, 1/n of it with n processes, and follows the count both ways', () => {
    const budgets = new UserBudgets(WINDOW);
    expect(burst(budgets.of('u1', 0), 0)).toBe(USER_RATE_LIMIT);
    budgets.setProcesses(2);
    expect(budgets.processes).toBe(2);
    // A user first seen now, and one seen before (their bucket shrinks too, keeping no more than its share).
    expect(burst(budgets.of('u2', 0), 0)).toBe(USER_RATE_LIMIT / 2);
    expect(burst(budgets.of('u1', WINDOW), WINDOW)).toBe(USER_RATE_LIMIT / 2);
    budgets.setProcesses(3);
    expect(burst(budgets.of('u3', 0), 0)).toBe(Math.ceil(USER_RATE_LIMIT / 3));
    // The other process gone: this one holds the whole budget again, refilled at the whole rate.
    budgets.setProcesses(1);
    expect(burst(budgets.of('u2', 2 * WINDOW), 2 * WINDOW)).toBe(USER_RATE_LIMIT);
  });
});
