// The catalogue slice: products and the shop's quick-phrase library, loaded once per session.
import type { Phrase, PhraseLibrary, Product } from '@kefu/shared/scenario/schema';
import { createStore } from 'zustand/vanilla';

export interface PhraseGroupView {
  id: string;
  name: string;
  phrases: Phrase[];
}

export interface CatalogState {
  products: Record<string, Product>;
  groups: PhraseGroupView[];
  /** Flat list in panel order, for `/` completion. */
  phrases: Phrase[];
  /** Whether the catalogue has been fetched this session. */
  loaded: boolean;
  setCatalog(products: Product[], libraries: PhraseLibrary[]): void;
}

export function createCatalogStore() {
  return createStore<CatalogState>()((set) => ({
    products: {},
    groups: [],
    phrases: [],
    loaded: false,
    setCatalog(products, libraries) {
      const groups = libraries.flatMap((library) =>
        library.groups.map((group) => ({
          id: `${library.id}/${group.id}`,
          name: group.name,
          phrases: group.phrases,
        })),
      );
      set({
        products: Object.fromEntries(products.map((product) => [product.id, product])),
        groups,
        phrases: groups.flatMap((group) => group.phrases),
        loaded: true,
      });
    },
  }));
}

export type CatalogStore = ReturnType<typeof createCatalogStore>;
