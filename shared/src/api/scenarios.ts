// The scenario library as clients see it: summaries for everyone, full files for staff, and the workbench
// catalogue (products and quick phrases).
import { z } from 'zod';
import { GOALS, type PhraseLibrary, type Product, RuleIdSchema } from '../scenario/schema.ts';
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
export const ScenariosResponseSchema = z.object({ scenarios: z.array(ScenarioSummarySchema) });
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
