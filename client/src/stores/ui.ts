// The workbench's view state: panels and dialogs, kept apart so toggling one re-renders only it.
import { createStore } from 'zustand/vanilla';

export type SideTab = 'profile' | 'product' | 'orders';
/** On a phone the workbench shows one pane at a time: the conversation list, the chat, or the side panel. */
export type PhoneView = 'list' | 'chat' | 'panel';

export interface UiState {
  phrasePanelOpen: boolean;
  helpOpen: boolean;
  sideTab: SideTab;
  phoneView: PhoneView;
  /** Bumped to ask the composer to take focus (keyboard action, phrase insert). */
  composerFocusRequest: number;
  /** Text the composer inserts at its caret (an emoji); a new object per request. */
  composerInsert: { text: string } | null;
  setPhrasePanel(open: boolean): void;
  setHelp(open: boolean): void;
  setSideTab(tab: SideTab): void;
  setPhoneView(view: PhoneView): void;
  focusComposer(): void;
  insertIntoComposer(text: string): void;
}

export function createUiStore() {
  return createStore<UiState>()((set, get) => ({
    phrasePanelOpen: false,
    helpOpen: false,
    sideTab: 'profile',
    phoneView: 'list',
    composerFocusRequest: 0,
    composerInsert: null,
    setPhrasePanel(open) {
      set({ phrasePanelOpen: open });
    },
    setHelp(open) {
      set({ helpOpen: open });
    },
    setSideTab(tab) {
      set({ sideTab: tab });
    },
    setPhoneView(view) {
      set({ phoneView: view });
    },
    focusComposer() {
      set({ composerFocusRequest: get().composerFocusRequest + 1 });
    },
    insertIntoComposer(text) {
      set({ composerInsert: { text } });
    },
  }));
}

export type UiStore = ReturnType<typeof createUiStore>;
