import { useEffect } from 'react';
import { useStores } from '../stores/index.ts';
import { useServices } from './context.tsx';

export function useCatalogLoader(): void {
  const { api } = useServices();
  const { catalog } = useStores();
  useEffect(() => {
    if (catalog.getState().loaded) return;
    let live = true;
    api.scenarios.catalog().then(
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
  }, [api, catalog]);
}
