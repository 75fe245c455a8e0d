// Keyboard commands as declarative records (Excalidraw-style): one definition gives the key test, the
// effect and the line in the shortcuts help, so the two can never disagree.
import { sortConversationIds } from '../conversation/sort.ts';
import type { Stores } from '../stores/index.ts';

export interface ActionContext {
  stores: Stores;
}

export interface KeyAction {
  name: string;
  /** i18n key of the help line. */
  labelKey: string;
  /** Keys as shown in the help dialog. */
  keys: string[];
  keyTest(event: KeyboardEvent): boolean;
  perform(context: ActionContext, event: KeyboardEvent): void;
}

function plainAlt(e: KeyboardEvent): boolean {
  return e.altKey && !e.ctrlKey && !e.metaKey && !e.shiftKey;
}

function isTyping(e: KeyboardEvent): boolean {
  const target = e.target as HTMLElement | null;
  return (
    !!target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.isContentEditable)
  );
}

/** Open a conversation and put the cursor in its composer, ready to type (as Qianniu does). */
function open(context: ActionContext, id: string | undefined): void {
  if (!id) return;
  context.stores.conversations.getState().setActive(id);
  context.stores.ui.getState().focusComposer();
}

function step(context: ActionContext, delta: number): void {
  const { ids, byId, activeId } = context.stores.conversations.getState();
  const sorted = sortConversationIds(ids, byId);
  if (sorted.length === 0) return;
  const index = activeId ? sorted.indexOf(activeId) : -1;
  const next = sorted[(index + delta + sorted.length) % sorted.length];
  open(context, next);
}

export const KEY_ACTIONS: readonly KeyAction[] = [
  {
    name: 'nextConversation',
    labelKey: 'shortcuts.nextConversation',
    keys: ['Alt', '↓'],
    keyTest: (e) => plainAlt(e) && e.key === 'ArrowDown',
    perform: (context) => step(context, 1),
  },
  {
    name: 'prevConversation',
    labelKey: 'shortcuts.prevConversation',
    keys: ['Alt', '↑'],
    keyTest: (e) => plainAlt(e) && e.key === 'ArrowUp',
    perform: (context) => step(context, -1),
  },
  {
    name: 'nthConversation',
    labelKey: 'shortcuts.nthConversation',
    keys: ['Alt', '1…9'],
    keyTest: (e) => plainAlt(e) && /^Digit[1-9]$/.test(e.code),
    perform: (context, e) => {
      const { ids, byId } = context.stores.conversations.getState();
      open(context, sortConversationIds(ids, byId)[Number(e.code.slice(5)) - 1]);
    },
  },
  {
    name: 'focusComposer',
    labelKey: 'shortcuts.focusComposer',
    keys: ['Alt', 'I'],
    keyTest: (e) => plainAlt(e) && e.code === 'KeyI',
    perform: ({ stores }) => stores.ui.getState().focusComposer(),
  },
  {
    name: 'togglePhrases',
    labelKey: 'shortcuts.togglePhrases',
    keys: ['Alt', 'P'],
    keyTest: (e) => plainAlt(e) && e.code === 'KeyP',
    perform: ({ stores }) => {
      const ui = stores.ui.getState();
      ui.setPhrasePanel(!ui.phrasePanelOpen);
    },
  },
  {
    name: 'showHelp',
    labelKey: 'shortcuts.showHelp',
    keys: ['F1'],
    keyTest: (e) => e.key === 'F1' || (e.key === '?' && !isTyping(e)),
    perform: ({ stores }) => stores.ui.getState().setHelp(true),
  },
];

/** Keys the composer itself handles; listed in the help so it is complete. */
export const COMPOSER_KEYS: readonly { labelKey: string; keys: string[] }[] = [
  { labelKey: 'shortcuts.send', keys: ['Enter'] },
  { labelKey: 'shortcuts.newline', keys: ['Shift', 'Enter'] },
  { labelKey: 'shortcuts.complete', keys: ['/', '…', 'Enter'] },
];

/** Run the first action whose key test matches; returns whether one did. */
export function handleKey(context: ActionContext, event: KeyboardEvent, actions = KEY_ACTIONS): boolean {
  const action = actions.find((a) => a.keyTest(event));
  if (!action) return false;
  event.preventDefault();
  action.perform(context, event);
  return true;
}
