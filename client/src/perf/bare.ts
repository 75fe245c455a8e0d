// The bare page (built only with KEFU_PERF_BUILD=1): one <textarea>, no app, no styles: the floor the
// composer's keystrokes are read against, timed by the same probe as the workbench's perf page.
import { type KeySample, watchKeystrokes } from './keystroke-probe.ts';

declare global {
  interface Window {
    __kefuKeys: KeySample[];
  }
}

window.__kefuKeys = [];
watchKeystrokes(window.__kefuKeys, (target) => (target instanceof HTMLTextAreaElement ? 'bare' : null));
