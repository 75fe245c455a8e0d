// The current practice: which conversations belong to it (a solo practice's buyers, or the buyers a drill
// sent). The conversations slice is emptied on a reload or a fresh start; this list survives a reload
// (sessionStorage in the app), so the workbench can bring back the practice's ended conversations and the
// student can still reach the practice summary after every buyer has left.
import { createStore } from 'zustand/vanilla';

export interface PracticeState {
  /** Whose practice it is (one browser tab may see several people log in). */
  owner: string | null;
  conversationIds: string[];
  /** The drill joined, before its first buyer names it (a drill waiting for its students to join). */
  drillId: string | null;
  /** A new practice (or a drill joined) by `owner`: these conversations, and what arrives later. */
  begin(conversationIds: readonly string[], owner?: string | null, drillId?: string | null): void;
  /** Conversations that joined the practice (a drill's next buyer, an open one found on sync). */
  add(conversationIds: readonly string[]): void;
}

const STORAGE_KEY = 'kefu.practice';
/** A drill sends at most 50 buyers; keep a margin, never grow without bound. */
const MAX_REMEMBERED = 100;

function load(storage: Storage | undefined): Pick<PracticeState, 'owner' | 'conversationIds' | 'drillId'> {
  try {
    const raw = storage?.getItem(STORAGE_KEY);
    const parsed = (raw ? JSON.parse(raw) : {}) as {
      owner?: unknown;
      conversationIds?: unknown;
      drillId?: unknown;
    };
    const ids = Array.isArray(parsed.conversationIds) ? parsed.conversationIds : [];
    return {
      owner: typeof parsed.owner === 'string' ? parsed.owner : null,
      conversationIds: ids.filter((id): id is string => typeof id === 'string'),
      drillId: typeof parsed.drillId === 'string' ? parsed.drillId : null,
    };
  } catch {
    return { owner: null, conversationIds: [], drillId: null };
  }
}

export function createPracticeStore(storage?: Storage) {
  const store = createStore<PracticeState>()((set, get) => ({
    ...load(storage),
    begin(conversationIds, owner = null, drillId = null) {
      set({ owner, drillId, conversationIds: [...new Set(conversationIds)].slice(-MAX_REMEMBERED) });
    },
    add(conversationIds) {
      const current = get().conversationIds;
      const fresh = conversationIds.filter((id) => !current.includes(id));
      if (fresh.length === 0) return;
      set({ conversationIds: [...current, ...new Set(fresh)].slice(-MAX_REMEMBERED) });
    },
  }));
  if (storage) {
    store.subscribe((state) => {
      try {
        const { owner, conversationIds, drillId } = state;
        storage.setItem(STORAGE_KEY, JSON.stringify({ owner, conversationIds, drillId }));
      } catch {
        // quota or private mode: remembered for this page only
      }
    });
  }
  return store;
}

export type PracticeStore = ReturnType<typeof createPracticeStore>;
