export {
  actionText,
  agentMessageFor,
  fillPhrase,
  type OrderView,
  orderViewOf,
  type PhraseVariables,
  scriptInput,
} from './actions.ts';
export { discountText, recommendText } from './card-texts.ts';
export { type CompiledBeat, compileBeats, createShopperContext, type ShopperContext } from './context.ts';
export { judgeReply, type OpenItem } from './judge.ts';
export {
  type OrderProblem,
  orderUpdateProblem,
  type ShopperState,
  type StepResult,
  startShopper,
  stepShopper,
} from './machine.ts';
export {
  addressMatches,
  CHANGE_FIELDS,
  type ChangeField,
  changeMismatches,
  DEFAULT_ADDRESS,
  initialSku,
  noteMatches,
  type OrderSnapshot,
  optionValues,
  orderNumber,
  type ResolvedOption,
  resolveOption,
  skuText,
  toFen,
} from './orders.ts';
export { seededBetween, seededPick, seededUnit } from './random.ts';
export {
  replayShopper,
  SIMULATION_EPOCH,
  type Simulation,
  scriptFireTime,
  simulate,
} from './simulate.ts';
