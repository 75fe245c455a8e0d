// The scenario library as the client needs it: summaries for everyone, full files for staff, and the
// workbench catalogue (products and quick phrases).
import {
  type BuyerScenario,
  type CourseUnitRef,
  type Library,
  type PlayableScenario,
  type RuleId,
  routes,
  type ScenarioSummary,
} from '@kefu/shared';
import type { FastifyInstance } from 'fastify';
import { fail } from '../errors.ts';
import { hiddenScenarios } from '../practice/exam-secrecy.ts';
import { serve } from './serve.ts';

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

/** A scenario as the lists show it: its summary, its learning-path unit, its products' names and skills. */
export function playableScenario(library: Library, scenario: BuyerScenario): PlayableScenario {
  return {
    ...scenarioSummary(scenario, library.versions.get(scenario.id) ?? ''),
    unit: scenario.unit ?? null,
    productNames: scenario.products.map((id) => library.products.get(id)?.name ?? id),
    skills: scenario.skills,
  };
}

/** The course's units in teaching order, as the lists group by them. */
export function courseUnits(library: Library): CourseUnitRef[] {
  return (library.course?.units ?? []).map((u) => ({ id: u.id, name: u.name }));
}

export default async function scenarioRoutes(app: FastifyInstance): Promise<void> {
  const { library } = app.catalog;

  // Drafts never play; a scenario published to one class is listed only to that class's students and staff;
  // a scenario of an exam not open yet is not listed to its students (the full file is staff's only).
  serve(app, routes.scenarios.list, async ({ user, query }) => {
    const mine = await app.access.scenarioClassIds(user);
    let classIds = mine;
    if (query.classId !== undefined) {
      if (!(await app.access.canViewClass(user, query.classId))) throw fail('class-not-found');
      classIds = [query.classId];
    }
    const hidden = await hiddenScenarios(app, user, mine);
    const scenarios = app.catalog
      .playable(classIds)
      .filter((s) => !hidden.has(s.id))
      .map((s) => playableScenario(library, s));
    return { scenarios, units: courseUnits(library) };
  });

  serve(app, routes.scenarios.get, async ({ user, params: { id } }) => {
    const scenario = library.buyers.get(id);
    if (!scenario || !app.catalog.playableIn(id, await app.access.scenarioClassIds(user))) {
      throw fail('scenario-not-found', { id });
    }
    return { scenario: scenarioSummary(scenario, library.versions.get(id) ?? ''), source: scenario };
  });

  serve(app, routes.scenarios.catalog, async () => {
    return { products: [...library.products.values()], phrases: app.catalog.phraseLibraries };
  });
}
