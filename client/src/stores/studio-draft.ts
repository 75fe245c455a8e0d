// The file open in the scenario studio, with its unsaved edits. It lives outside the studio page so that
// trying a draft in the workbench (试玩) and coming back — by the browser's back button, 返回首页 then the
// studio, or a reload (sessionStorage in the app) — finds the draft as it was left.
import { createStore } from 'zustand/vanilla';

export interface StudioFileDraft {
  path: string;
  text: string;
  /** The text as last saved or opened ('' for a file never saved): unsaved edits differ from it. */
  saved: string;
  /** Shown and validated but not edited here. */
  readOnly?: boolean;
}

export interface StudioDraftState {
  /** Whose draft it is (one browser tab may see several people log in). */
  owner: string | null;
  open: StudioFileDraft | null;
  /** Bumped when a file is opened, so the editor takes its text even when it equals the current one. */
  revision: number;
  openFile(file: StudioFileDraft | null, owner?: string | null): void;
  edit(text: string): void;
  markSaved(path: string, text: string): void;
}

const STORAGE_KEY = 'kefu.studio';

function load(storage: Storage | undefined): Pick<StudioDraftState, 'owner' | 'open'> {
  try {
    const raw = storage?.getItem(STORAGE_KEY);
    const parsed = (raw ? JSON.parse(raw) : {}) as { owner?: unknown; open?: Partial<StudioFileDraft> };
    const open = parsed.open;
    const valid =
      open &&
      typeof open.path === 'string' &&
      typeof open.text === 'string' &&
      typeof open.saved === 'string';
    return {
      owner: typeof parsed.owner === 'string' ? parsed.owner : null,
      open: valid ? (open as StudioFileDraft) : null,
    };
  } catch {
    return { owner: null, open: null };
  }
}

export function createStudioDraftStore(storage?: Storage) {
  const store = createStore<StudioDraftState>()((set, get) => ({
    ...load(storage),
    revision: 0,
    openFile(open, owner = get().owner) {
      set({ open, owner, revision: get().revision + 1 });
    },
    edit(text) {
      const open = get().open;
      if (open && open.text !== text) set({ open: { ...open, text } });
    },
    markSaved(path, text) {
      const open = get().open;
      if (open) set({ open: { ...open, path, saved: text } });
    },
  }));
  if (storage) {
    let timer: ReturnType<typeof setTimeout> | undefined;
    store.subscribe(({ owner, open }) => {
      clearTimeout(timer);
      // Debounced so a keystroke never waits on storage.
      timer = setTimeout(() => {
        try {
          storage.setItem(STORAGE_KEY, JSON.stringify({ owner, open }));
        } catch {
          // quota or private mode: the draft stays in memory
        }
      }, 300);
    });
  }
  return store;
}

export type StudioDraftStore = ReturnType<typeof createStudioDraftStore>;
