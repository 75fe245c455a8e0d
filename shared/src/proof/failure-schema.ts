// A failing proof run as data (see failure.ts): schemas only, so the protocol's error body can carry it.
import { z } from 'zod';

// A rule id (RULE_IDS); not the enum itself, which would import the scenario schema into the error body's.
const RuleTimesSchema = z.object({ rule: z.string(), times: z.number().int().positive() });

export const RunFailureSchema = z.object({
  kind: z.enum(['model', 'counter']),
  /** `modelAnswer` or the counter-example's name. */
  script: z.string(),
  /** Rules triggered more often than the script lists (a model answer lists none). */
  extra: z.array(RuleTimesSchema),
  /** Rules the script lists that were triggered fewer times. */
  missing: z.array(RuleTimesSchema),
  /** A model answer's score under MODEL_ANSWER_MIN_SCORE; null otherwise. */
  lowScore: z.number().nullable(),
  other: z.array(z.string()),
});
export type RunFailure = z.infer<typeof RunFailureSchema>;

/** A scenario a catalogue change breaks: its failing run at its place in the scenario's file. */
export const ProofFailureSchema = RunFailureSchema.extend({
  scenarioId: z.string(),
  title: z.string(),
  file: z.string(),
  line: z.number().int(),
  col: z.number().int(),
});
export type ProofFailure = z.infer<typeof ProofFailureSchema>;
