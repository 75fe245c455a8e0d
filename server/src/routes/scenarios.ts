// The scenario library as the client needs it: summaries for everyone, full files for staff, and the
// workbench catalogue (products and quick phrases).
import type {
  BuyerScenario,
  CatalogResponse,
  RuleId,
  ScenarioDetailResponse,
  ScenarioSummary,
  ScenariosResponse,
} from '@kefu/shared';
import type { FastifyInstance } from 'fastify';
import { requireRole, requireUser, STAFF } from '../auth/guards.ts';
import { notFound } from '../errors.ts';

export function scenarioSummary(scenario: BuyerScenario, version: string): ScenarioSummary {
  const rules = new Set<RuleId>();
  for (const example of scenario.counterExamples) for (const rule of example.violations) rules.add(rule);
  return {
    id: scenario.id,
    title: scenario.title,
    description: scenario.description ?? null,
    difficulty: scenario.difficulty,
    goal: scenario.goal,
    products: scenario.products,
    version,
    rules: [...rules].sort(),
  };
}

export default async function scenarioRoutes(app: FastifyInstance): Promise<void> {
  const { library } = app.catalog;

  app.get('/scenarios', async (request): Promise<ScenariosResponse> => {
    requireUser(request);
    const scenarios = [...library.buyers.values()].map((s) =>
      scenarioSummary(s, library.versions.get(s.id) ?? ''),
    );
    return { scenarios };
  });

  app.get('/scenarios/:id', async (request): Promise<ScenarioDetailResponse> => {
    requireRole(request, ...STAFF);
    const { id } = request.params as { id: string };
    const scenario = library.buyers.get(id);
    if (!scenario) throw notFound(`场景 ${id} `);
    return { scenario: scenarioSummary(scenario, library.versions.get(id) ?? ''), source: scenario };
  });

  app.get('/catalog', async (request): Promise<CatalogResponse> => {
    requireUser(request);
    return { products: [...library.products.values()], phrases: app.catalog.phraseLibraries };
  });
}
