// What the studio's library lists, from the server's loaded library: the page shows it without parsing
// a file, and parses only once an author opens one.
import type { Library, StudioScenario } from '@kefu/shared';
import { scenarioSummary } from '../routes/scenarios.ts';

export function studioScenarios(library: Library): StudioScenario[] {
  return [...library.buyers.values()].map((s) => {
    const path = library.files.get(s.id) ?? '';
    const origin = path.startsWith('studio/') ? ('studio' as const) : ('library' as const);
    return { ...scenarioSummary(s, library.versions.get(s.id) ?? ''), path, origin };
  });
}

export function studioProducts(library: Library): { id: string; name: string }[] {
  return [...library.products.values()].map((p) => ({ id: p.id, name: p.name }));
}
