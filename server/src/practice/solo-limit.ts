// How much solo practice (and studio 试玩) one person may have running at once. The count and the opening
// run one request at a time per person: checked side by side, two tabs or a script firing twenty requests
// at once all passed the count and opened twice the cap. Per server process: across processes, requests
// arriving at the same instant can still overshoot it by their number.
import { fail } from '../errors.ts';

/** Solo practice in progress at once, per person: enough for a busy mix, not enough to fill the disk. */
export const MAX_OPEN_SOLO = 10;

export class SoloLimit {
  private readonly tails = new Map<string, Promise<unknown>>();
  private readonly running: (userId: string) => Promise<number>;

  /** `running`: how many solo conversations the person has open now (from the database). */
  constructor(running: (userId: string) => Promise<number>) {
    this.running = running;
  }

  /** Runs `open` (which opens `adding` conversations) unless that would pass the cap: too-many-open. */
  open<T>(userId: string, adding: number, open: () => Promise<T>): Promise<T> {
    const before = this.tails.get(userId) ?? Promise.resolve();
    const run = before.then(async () => {
      const running = await this.running(userId);
      if (running + adding > MAX_OPEN_SOLO) throw fail('too-many-open', { open: running });
      return open();
    });
    const tail = run.catch(() => undefined);
    this.tails.set(userId, tail);
    void tail.then(() => {
      if (this.tails.get(userId) === tail) this.tails.delete(userId);
    });
    return run;
  }
}
