// Scoring: a pure function from a conversation's event log to its report, and the per-student view.

export { aggregateStudent, type StudentMetrics, type StudentSummary } from './aggregate.ts';
export { appealAnchor, followAppealKeys } from './appeal-keys.ts';
export { type Benchmarks, benchmarksOf, overLimit, type WaitLevel, waitLevel } from './benchmarks.ts';
export { DEFAULT_PENALTY, RULE_DIMENSION } from './dimensions.ts';
export { explainViolation, type FactWords, type Locale } from './explain.ts';
export { formatScore, roundTo1 } from './format.ts';
export { type LiveReading, LiveReception } from './live.ts';
export type { Metrics, Outcome } from './metrics.ts';
export { explainOutcome, type OutcomeReason } from './outcome-reason.ts';
export {
  type DimensionScore,
  type Report,
  type ScoringInput,
  type ScoringSetup,
  scoreConversation,
  scoreFacts,
  type Violation,
  violationKey,
} from './report.ts';
export { allowedConcession } from './rules/discount-exceeded.ts';
export { openTurnSince } from './turns.ts';
