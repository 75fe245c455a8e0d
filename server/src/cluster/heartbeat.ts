// The cluster's heartbeat: renews this process's leases, then runs the periodic tasks (adopting orphaned
// conversations and drills, drill checks). A renewal never waits behind the tasks: under load, adopting a
// backlog of orphans (a lease taken, the log read, the shopper restored, one after another) can take longer
// than a lease lasts, and a process whose renewal waited that long lost its own conversations to the other
// processes, which then lost theirs back (a load run on PostgreSQL logged one conversation changing owner
// twice in 2 s). Renewals go one at a time, tasks one run at a time, each run after a successful renewal.
export interface Heartbeat {
  /** One beat (called by the timer): renews unless a renewal is still on its way, then runs the tasks
   * unless an earlier run is still going. */
  beat(): void;
  /** Resolves once no renewal and no task run is in flight. */
  idle(): Promise<void>;
}

export function createHeartbeat(
  renew: () => Promise<unknown>,
  tasks: ReadonlyArray<() => Promise<void>>,
  onError: (err: unknown, during: 'renew' | 'tasks') => void,
): Heartbeat {
  let renewing: Promise<void> | null = null;
  let working: Promise<void> | null = null;

  async function runTasks(): Promise<void> {
    try {
      for (const task of tasks) await task();
    } catch (err) {
      onError(err, 'tasks');
    }
  }

  return {
    beat() {
      if (renewing) return;
      renewing = renew().then(
        () => {
          renewing = null;
          if (!working) {
            working = runTasks().finally(() => {
              working = null;
            });
          }
        },
        (err: unknown) => {
          renewing = null;
          onError(err, 'renew');
        },
      );
    },
    async idle() {
      while (renewing || working) await Promise.allSettled([renewing, working]);
    },
  };
}
