// Where an acknowledgement's time goes, for the load benchmark (docs/performance.md): with KEFU_ACK_TRACE=1
// the live path records each phase of a send — the queue behind the conversation's earlier inputs, the
// shopper's step (the judge), the wait for the event log's group commit, the commit itself, publishing to
// the student's sockets, writing the ack — as histograms, with the garbage collector's pauses beside them,
// and `report()` prints them. Off (null) by default: the live path then only tests one constant.
import {
  constants,
  createHistogram,
  type PerformanceEntry,
  PerformanceObserver,
  type RecordableHistogram,
} from 'node:perf_hooks';

export interface AckTrace {
  /** One sample of a phase, in ms. */
  record(phase: string, ms: number): void;
  /** Starts counting from now (the measured window): forgets what was recorded before. */
  reset(): void;
  /** One line per phase: n, p50, p99, max (ms) — and the GC pauses of the window. */
  report(): string;
}

function makeTrace(): AckTrace {
  const phases = new Map<string, RecordableHistogram>();
  const record = (phase: string, ms: number) => {
    let h = phases.get(phase);
    if (!h) {
      h = createHistogram();
      phases.set(phase, h);
    }
    // Histograms take positive integers: microseconds.
    h.record(Math.max(1, Math.round(ms * 1000)));
  };
  // perf_hooks' kinds (V8's GCType): a full mark-compact is MAJOR, `incremental` the incremental marking
  // steps that precede one, `weak-cb` the weak callbacks' processing.
  const gcKinds: Record<number, string> = {
    [constants.NODE_PERFORMANCE_GC_MINOR]: 'scavenge',
    [constants.NODE_PERFORMANCE_GC_MAJOR]: 'mark-compact',
    [constants.NODE_PERFORMANCE_GC_INCREMENTAL]: 'incremental',
    [constants.NODE_PERFORMANCE_GC_WEAKCB]: 'weak-cb',
  };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const kind = (entry as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind ?? 0;
      record(`gc ${gcKinds[kind] ?? kind}`, entry.duration);
    }
  }).observe({ entryTypes: ['gc'] });
  const ms = (us: number) => (us / 1000).toFixed(3);
  return {
    record,
    reset: () => {
      for (const h of phases.values()) h.reset();
    },
    report: () =>
      [...phases.entries()]
        .filter(([, h]) => h.count > 0)
        .map(
          ([phase, h]) =>
            `${phase.padEnd(28)} n ${String(h.count).padStart(7)}  p50 ${ms(h.percentile(50))}  p99 ${ms(h.percentile(99))}  max ${ms(h.max)}  sum ${ms(h.mean * h.count)}`,
        )
        .join('\n'),
  };
}

export const ackTrace: AckTrace | null = process.env.KEFU_ACK_TRACE === '1' ? makeTrace() : null;
