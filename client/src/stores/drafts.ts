// The composer drafts slice, one per conversation. It lives apart from the socket and the message list so
// that typing re-renders only the composer, and a reconnect never touches what the student has typed.
import { createStore } from 'zustand/vanilla';

/**
 * The quick phrase a draft came from, so a phrase sent as inserted (its variables filled in) is sent as one
 * (source `phrase`), with its picture.
 */
export interface PhraseOrigin {
  phraseId: string;
  /** The text as inserted, variables with no value still in braces. */
  text: string;
  /** The phrase's picture (a size chart), sent with it. */
  image?: string;
}

export interface DraftsState {
  byConversation: Record<string, string>;
  origins: Record<string, PhraseOrigin>;
  setDraft(conversationId: string, text: string, origin?: PhraseOrigin): void;
  clear(conversationId: string): void;
}

const STORAGE_KEY = 'kefu.drafts';

function load(storage: Storage | undefined): Record<string, string> {
  try {
    const raw = storage?.getItem(STORAGE_KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : {};
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, string>) : {};
  } catch {
    return {};
  }
}

/** `storage` (sessionStorage in the app) keeps drafts across a page reload too; tests pass none. */
export function createDraftsStore(storage?: Storage) {
  const store = createStore<DraftsState>()((set, get) => ({
    byConversation: load(storage),
    origins: {},
    setDraft(conversationId, text, origin) {
      const { byConversation, origins } = get();
      if (origin) {
        set({
          byConversation: { ...byConversation, [conversationId]: text },
          origins: { ...origins, [conversationId]: origin },
        });
        return;
      }
      if (byConversation[conversationId] === text) return;
      set({ byConversation: { ...byConversation, [conversationId]: text } });
    },
    clear(conversationId) {
      const { [conversationId]: _dropped, ...rest } = get().byConversation;
      const { [conversationId]: _origin, ...otherOrigins } = get().origins;
      set({ byConversation: rest, origins: otherOrigins });
    },
  }));
  if (storage) {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const save = () => {
      timer = undefined;
      try {
        storage.setItem(STORAGE_KEY, JSON.stringify(store.getState().byConversation));
      } catch {
        // quota or private mode: drafts stay in memory
      }
    };
    store.subscribe(() => {
      clearTimeout(timer);
      // Debounced so a keystroke never waits on storage.
      timer = setTimeout(save, 300);
    });
    // A reload or a closed tab inside the debounce would lose the last words typed: save them now.
    globalThis.addEventListener?.('pagehide', () => {
      if (timer === undefined) return;
      clearTimeout(timer);
      save();
    });
  }
  return store;
}

export type DraftsStore = ReturnType<typeof createDraftsStore>;
