// The keystroke probe of the perf pages, one module so the workbench's composer and the bare <textarea> are
// timed by the same code. Each keystroke is timed from the moment the page receives it (the first listener,
// on window in the capture phase; the event's own timeStamp would also count the test driver's delivery):
// to the end of the synchronous work it causes (handlers, React's commit: a task queued from keydown runs
// after the keydown/keypress/input events of the same key), and to the task after the next frame (rAF runs
// just before a frame is rendered; a task it queues runs after that frame's style, layout and paint).

export interface KeySample {
  /** Which field the key went to (`composer`, `bare`). */
  target: string;
  /** Keystroke → end of the synchronous work it caused, ms. */
  commit: number | null;
  /** Keystroke → the task after the next frame, ms (includes waiting for that frame). */
  paint: number | null;
}

/** Records every keystroke (but Enter) into a text field `targetOf` names; others are ignored. */
export function watchKeystrokes(
  samples: KeySample[],
  targetOf: (target: EventTarget | null) => string | null,
) {
  const channel = new MessageChannel();
  const pending: (() => void)[] = [];
  channel.port1.onmessage = () => pending.shift()?.();
  window.addEventListener(
    'keydown',
    (e) => {
      const target = targetOf(e.target);
      if (target === null || e.key === 'Enter') return;
      const start = performance.now();
      const sample: KeySample = { target, commit: null, paint: null };
      samples.push(sample);
      pending.push(() => {
        sample.commit = performance.now() - start;
      });
      channel.port2.postMessage(null);
      requestAnimationFrame(() => {
        pending.push(() => {
          sample.paint = performance.now() - start;
        });
        channel.port2.postMessage(null);
      });
    },
    true,
  );
}
