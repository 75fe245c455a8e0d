export { actionText, agentMessageFor } from './actions.ts';
export { type CompiledBeat, compileBeats, createShopperContext, type ShopperContext } from './context.ts';
export { judgeReply, type OpenItem } from './judge.ts';
export { isEnded, type ShopperState, type StepResult, startShopper, stepShopper } from './machine.ts';
export { seededBetween, seededPick, seededUnit } from './random.ts';
export { replayShopper, SIMULATION_EPOCH, type Simulation, scriptFireTime, simulate } from './simulate.ts';
