export { type Advice, adviseOn } from './coaching.ts';
export { runFailure } from './failure.ts';
export {
  type ProofFailure,
  ProofFailureSchema,
  type RunFailure,
  RunFailureSchema,
} from './failure-schema.ts';
export { type Played, playScript, scoreEvents, scoringSetup } from './play.ts';
export { proofKeys, scenariosAffected } from './proof-key.ts';
export {
  MODEL_ANSWER_MIN_SCORE,
  PROOF_SEEDS,
  type ProofRun,
  type ProofTask,
  proofTasks,
  proveScenario,
  proveTask,
  violationDiff,
} from './prove.ts';
export { failedRunAt } from './run-source.ts';
