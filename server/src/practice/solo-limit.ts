// How much solo practice (and studio 试玩) one person may have running at once. The count and the opening
// run one request at a time per person: checked side by side, two tabs or a script firing twenty requests
// at once all passed the count and opened twice the cap. In this process a queue per person orders them;
// across processes (PostgreSQL) a shared mutex in the database does, so requests alternating between
// processes do not get the cap once per process.
import type { MutexesRepository } from '../db/repositories/mutexes.ts';
import { fail } from '../errors.ts';

/** Solo practice in progress at once, per person: enough for a busy mix, not enough to fill the disk. */
export const MAX_OPEN_SOLO = 10;

export class SoloLimit {
  private readonly tails = new Map<string, Promise<unknown>>();
  private readonly running: (userId: string) => Promise<number>;
  private readonly mutexes: MutexesRepository;

  /** `running`: how many solo conversations the person has open now (from the database). */
  constructor(running: (userId: string) => Promise<number>, mutexes: MutexesRepository) {
    this.running = running;
    this.mutexes = mutexes;
  }

  /** Runs `open` (which opens `adding` conversations) unless that would pass the cap: too-many-open. */
  open<T>(userId: string, adding: number, open: () => Promise<T>): Promise<T> {
    const before = this.tails.get(userId) ?? Promise.resolve();
    const run = before.then(() =>
      this.mutexes.hold(`solo:${userId}`, async () => {
        const running = await this.running(userId);
        if (running + adding > MAX_OPEN_SOLO) throw fail('too-many-open', { open: running });
        return open();
      }),
    );
    const tail = run.catch(() => undefined);
    this.tails.set(userId, tail);
    void tail.then(() => {
      if (this.tails.get(userId) === tail) this.tails.delete(userId);
    });
    return run;
  }
}
