// The scenario library as clients see it: summaries for everyone, full files for staff, and the workbench
// catalogue (products and quick phrases).
import { z } from 'zod';
import { GOALS, type PhraseLibrary, type Product, RuleIdSchema, SKILLS } from '../scenario/schema.ts';
import { entityId, scenarioId } from './fields.ts';

export const ScenarioSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  difficulty: z.number(),
  goal: z.enum(GOALS),
  products: z.array(z.string()),
  /** Content hash of the scenario's current version. */
  version: z.string(),
  /** Rule ids its counter-examples exercise. */
  rules: z.array(RuleIdSchema),
});
export type ScenarioSummary = z.infer<typeof ScenarioSummarySchema>;

export const ScenarioParamsSchema = z.object({ id: scenarioId });
/** `classId`: only what plays in that class (the drill form's choice); else everything the user may play. */
export const ScenariosQuerySchema = z.object({ classId: entityId.optional() });
/** A scenario as the home and the drill form list it: where it sits in the course, and its products' names. */
export const PlayableScenarioSchema = ScenarioSummarySchema.extend({
  /** Its learning-path unit's id; null for a scenario outside the path. */
  unit: z.string().nullable(),
  productNames: z.array(z.string()),
  /** What it practises, as the course plan names it (SKILL_NAMES). */
  skills: z.array(z.enum(SKILLS)),
});
export type PlayableScenario = z.infer<typeof PlayableScenarioSchema>;
/** One unit of the course, in teaching order: how the lists group the scenarios. */
export const CourseUnitRefSchema = z.object({ id: z.string(), name: z.string() });
export type CourseUnitRef = z.infer<typeof CourseUnitRefSchema>;
export const ScenariosResponseSchema = z.object({
  scenarios: z.array(PlayableScenarioSchema),
  /** The course's units in order (empty without a course). */
  units: z.array(CourseUnitRefSchema),
});
export type ScenariosResponse = z.infer<typeof ScenariosResponseSchema>;
export const ScenarioDetailResponseSchema = z.object({
  scenario: ScenarioSummarySchema,
  /** The parsed scenario file (BuyerScenario) — staff only. */
  source: z.unknown(),
});
export type ScenarioDetailResponse = z.infer<typeof ScenarioDetailResponseSchema>;
export const CatalogResponseSchema = z.object({
  products: z.array(z.custom<Product>()),
  phrases: z.array(z.custom<PhraseLibrary>()),
});
export type CatalogResponse = z.infer<typeof CatalogResponseSchema>;
