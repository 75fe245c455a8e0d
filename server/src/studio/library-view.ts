// What the studio lists from the server's loaded library: its shipped scenarios (read-only, owned by
// nobody) and the products for its filter. The page shows them without parsing a file.
import type { BuyerScenario, Library, StudioScenario } from '@kefu/shared';
import { scenarioSummary } from '../routes/scenarios.ts';

export function shippedScenario(library: Library, scenario: BuyerScenario): StudioScenario {
  return {
    ...scenarioSummary(scenario, library.versions.get(scenario.id) ?? ''),
    path: library.files.get(scenario.id) ?? '',
    origin: 'library',
    status: 'shipped',
    publication: null,
    draftVersion: null,
    owner: null,
    editable: false,
    copiedFrom: null,
    publishedText: null,
  };
}

/** Every scenario of a library as shipped (the studio lists these beside its own). */
export function studioScenarios(library: Library): StudioScenario[] {
  return [...library.buyers.values()].map((s) => shippedScenario(library, s));
}

export function studioProducts(library: Library): { id: string; name: string }[] {
  return [...library.products.values()].map((p) => ({ id: p.id, name: p.name }));
}
