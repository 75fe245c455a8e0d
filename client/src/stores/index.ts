// The store factory (xyflow-style): one set of slices per app instance, handed down through context, so
// tests render with their own fresh stores and components subscribe with selectors.
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import { type CatalogState, type CatalogStore, createCatalogStore } from './catalog.ts';
import { type ConnectionState, type ConnectionStore, createConnectionStore } from './connection.ts';
import {
  type ConversationsState,
  type ConversationsStore,
  createConversationsStore,
} from './conversations.ts';
import { createDraftsStore, type DraftsState, type DraftsStore } from './drafts.ts';
import { createPracticeStore, type PracticeState, type PracticeStore } from './practice.ts';
import { createSessionStore, type SessionState, type SessionStore } from './session.ts';
import { createStudioDraftStore, type StudioDraftState, type StudioDraftStore } from './studio-draft.ts';
import { createUiStore, type UiState, type UiStore } from './ui.ts';

export type { Screen } from './session.ts';
export type { PhoneView, SideTab } from './ui.ts';

export interface Stores {
  session: SessionStore;
  conversations: ConversationsStore;
  drafts: DraftsStore;
  connection: ConnectionStore;
  catalog: CatalogStore;
  ui: UiStore;
  practice: PracticeStore;
  studio: StudioDraftStore;
}

/** `draftStorage` (sessionStorage in the app) keeps drafts, the current practice, the open conversation,
 * the read marks and the studio's open file across a reload. */
export function createStores(options: { draftStorage?: Storage } = {}): Stores {
  return {
    session: createSessionStore(),
    conversations: createConversationsStore(options.draftStorage),
    drafts: createDraftsStore(options.draftStorage),
    connection: createConnectionStore(),
    catalog: createCatalogStore(),
    ui: createUiStore(),
    practice: createPracticeStore(options.draftStorage),
    studio: createStudioDraftStore(options.draftStorage),
  };
}

export const StoresContext = createContext<Stores | null>(null);

export function useStores(): Stores {
  const stores = useContext(StoresContext);
  if (!stores) throw new Error('StoresContext missing: render inside <AppProviders>');
  return stores;
}

export function useSession<T>(selector: (s: SessionState) => T): T {
  return useStore(useStores().session, selector);
}
export function useConversations<T>(selector: (s: ConversationsState) => T): T {
  return useStore(useStores().conversations, selector);
}
export function useDrafts<T>(selector: (s: DraftsState) => T): T {
  return useStore(useStores().drafts, selector);
}
export function useConnection<T>(selector: (s: ConnectionState) => T): T {
  return useStore(useStores().connection, selector);
}
export function useCatalog<T>(selector: (s: CatalogState) => T): T {
  return useStore(useStores().catalog, selector);
}
export function usePractice<T>(selector: (s: PracticeState) => T): T {
  return useStore(useStores().practice, selector);
}
export function useUi<T>(selector: (s: UiState) => T): T {
  return useStore(useStores().ui, selector);
}
export function useStudioDraft<T>(selector: (s: StudioDraftState) => T): T {
  return useStore(useStores().studio, selector);
}
