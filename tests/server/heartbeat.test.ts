// The cluster heartbeat's schedule: a slow task run (adopting a backlog of orphans under load) never holds
// up the renewal of this process's leases; renewals go one at a time, task runs one at a time and only after
// a successful renewal; failures are reported and the next beat tries again; idle waits for both.
import { describe, expect, it } from 'vitest';
import { createHeartbeat } from '../../server/src/cluster/heartbeat.ts';

/** A promise the test settles by hand. */
function gate() {
  let open!: () => void;
  let fail!: (err: Error) => void;
  const promise = new Promise<void>((resolve, reject) => {
    open = resolve;
    fail = reject;
  });
  return { promise, open, fail };
}
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('createHeartbeat', () => {
  it('renews on every beat while a slow task run is still going, and starts no second run meanwhile', async () => {
    let renewals = 0;
    let runs = 0;
    const slow = gate();
    const beat = createHeartbeat(
      async () => {
        renewals++;
      },
      [
        async () => {
          runs++;
          await slow.promise;
        },
      ],
      () => {},
    );
    for (let i = 0; i < 4; i++) {
      beat.beat();
      await settle();
    }
    expect(renewals).toBe(4);
    expect(runs).toBe(1);
    slow.open();
    await beat.idle();
    beat.beat();
    await beat.idle();
    expect([renewals, runs]).toEqual([5, 2]);
  });

  it('keeps one renewal in flight: beats while it waits on the database do not pile up', async () => {
    let renewals = 0;
    const pending = gate();
    const beat = createHeartbeat(
      () => {
        renewals++;
        return pending.promise;
      },
      [],
      () => {},
    );
    beat.beat();
    beat.beat();
    beat.beat();
    expect(renewals).toBe(1);
    pending.open();
    await beat.idle();
    beat.beat();
    expect(renewals).toBe(2);
  });

  it('runs the tasks only after a renewal succeeded; failures are reported and the next beat tries again', async () => {
    const errors: string[] = [];
    let runs = 0;
    let renewFails = true;
    const beat = createHeartbeat(
      async () => {
        if (renewFails) throw new Error('database away');
      },
      [
        async () => {
          runs++;
          if (runs === 1) throw new Error('adoption failed');
        },
      ],
      (err, during) => errors.push(`${during}: ${(err as Error).message}`),
    );
    beat.beat();
    await beat.idle();
    expect(runs).toBe(0);
    renewFails = false;
    beat.beat();
    await beat.idle();
    beat.beat();
    await beat.idle();
    expect(runs).toBe(2);
    expect(errors).toEqual(['renew: database away', 'tasks: adoption failed']);
  });

  it('idle waits for the renewal and the task run in flight', async () => {
    const renewal = gate();
    const task = gate();
    let done = false;
    const beat = createHeartbeat(
      () => renewal.promise,
      [() => task.promise],
      () => {},
    );
    beat.beat();
    const idle = beat.idle().then(() => {
      done = true;
    });
    renewal.open();
    await settle();
    expect(done).toBe(false);
    task.open();
    await idle;
    expect(done).toBe(true);
  });
});
