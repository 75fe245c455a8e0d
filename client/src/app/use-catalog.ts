// Loads the workbench catalogue (products and quick phrases) once per session, for the screens that show
// product knowledge, phrases or product names.
import type { CatalogResponse } from '@kefu/shared/protocol';
import { useEffect } from 'react';
import { useStores } from '../stores/index.ts';
import { useServices } from './context.tsx';

export function useCatalogLoader(): void {
  const { http } = useServices();
  const { catalog } = useStores();
  useEffect(() => {
    if (catalog.getState().loaded) return;
    let live = true;
    http<CatalogResponse>('GET', '/api/catalog').then(
      (response) => {
        if (live) catalog.getState().setCatalog(response.products, response.phrases);
      },
      () => {
        // Not fatal: the chat works without it; the next screen that needs it tries again.
      },
    );
    return () => {
      live = false;
    };
  }, [http, catalog]);
}
