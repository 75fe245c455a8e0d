// Scoring: a pure function from a conversation's event log to its report, and the per-student view.
export { aggregateStudent, type StudentMetrics, type StudentSummary } from './aggregate.ts';
export { DEFAULT_PENALTY, RULE_DIMENSION } from './dimensions.ts';
export { explainViolation, type FactWords, type Locale } from './explain.ts';
export { formatScore, roundTo1 } from './format.ts';
export type { Metrics, Outcome } from './metrics.ts';
export {
  type DimensionScore,
  type Report,
  type ScoringInput,
  scoreConversation,
  type Violation,
} from './report.ts';
