// The learning path as a student's home shows it: their progress through the units and the next scenario.
import { z } from 'zod';
import type { PathProgress } from '../course/progress.ts';
import type { Recommendation } from '../course/recommend.ts';

export const PathResponseSchema = z.object({
  /** null when the library has no learning path (scenarios/course/). */
  progress: z.custom<PathProgress>().nullable(),
  recommendation: z.custom<Recommendation>().nullable(),
});
export type PathResponse = z.infer<typeof PathResponseSchema>;

export type { PathProgress, ScenarioProgress, UnitProgress, UnitStatus } from '../course/progress.ts';
export type { Recommendation } from '../course/recommend.ts';
