// Runs a scenario against an agent script on a virtual clock: the engine behind `kefu play`,
// `kefu prove`, the benchmarks and the server's reference runs. Also rebuilds a machine from a stored log.
import { errorBody } from '../api/errors.ts';
import type { ConversationEvent, ShopperInput } from '../conversation/events.ts';
import type { AgentScript } from '../scenario/schema.ts';
import { orderViewOf, scriptInput } from './actions.ts';
import type { ShopperContext } from './context.ts';
import {
  orderUpdateProblem,
  type ShopperState,
  type StepResult,
  startShopper,
  stepShopper,
} from './machine.ts';

/** The virtual clock's start: a fixed instant, so simulated logs are identical from run to run. */
export const SIMULATION_EPOCH = Date.UTC(2026, 0, 1, 9, 0, 0);
/** A conversation never runs longer than this on the virtual clock (guards a scenario that loops forever). */
const MAX_SIMULATED_MS = 6 * 60 * 60 * 1000;

export interface Simulation {
  events: ConversationEvent[];
  state: ShopperState;
  /** Script entries that could not be carried out (e.g. an order change before any order), one line each. */
  problems: string[];
}

/**
 * When an agent-script entry fires given the events seen so far (the full log, or a student's public view of
 * it), or null when what it waits for has not happened. The one timing rule of agent scripts, shared by the
 * virtual clock here and the bots that play scripts over a live socket.
 */
export function scriptFireTime(
  step: AgentScript[number],
  events: readonly { type: string; at: number }[],
  previousAt: number,
  first: boolean,
): number | null {
  const after = Math.round(step.after * 1000);
  if (step.wait === 'none') return previousAt + after;
  if (step.wait === 'order') {
    const orders = events.filter((e) => e.type === 'order-placed');
    const latest = orders[orders.length - 1];
    return latest === undefined ? null : Math.max(previousAt, latest.at + after);
  }
  const arrived = events.find(
    (e) => e.type === 'buyer-message' && (first ? e.at >= previousAt : e.at > previousAt),
  );
  return arrived === undefined ? null : Math.max(previousAt, arrived.at + after);
}

export function simulate(
  ctx: ShopperContext,
  script: AgentScript,
  seed: number,
  start: number = SIMULATION_EPOCH,
): Simulation {
  const events: ConversationEvent[] = [];
  let current: StepResult = startShopper(ctx, seed, start);
  events.push(...current.outputs);
  let next = 0;
  let previousAt = start;
  const problems: string[] = [];

  const apply = (input: ShopperInput, at: number) => {
    current = stepShopper(ctx, current.state, input, at);
    events.push(...current.outputs);
  };

  while (current.state.phase !== 'ended') {
    const step = script[next];
    const fire = step === undefined ? null : scriptFireTime(step, events, previousAt, next === 0);
    const wake = current.wakeAt;
    if (wake !== null && (fire === null || wake <= fire)) {
      if (wake - start > MAX_SIMULATED_MS) break;
      apply({ type: 'wake' }, wake);
    } else if (step !== undefined && fire !== null) {
      const input = scriptInput(ctx, step, `a${next + 1}`, orderViewOf(events));
      const problem =
        input.type === 'order-update' ? orderUpdateProblem(ctx, current.state, input.update) : null;
      if (problem !== null) {
        const words = errorBody(problem.code, 'params' in problem ? problem.params : undefined).message;
        problems.push(`第 ${next + 1} 步 updateOrder：${words}`);
      } else apply(input, fire);
      previousAt = fire;
      next++;
    } else break;
  }
  return { events, state: current.state, problems };
}

/**
 * Rebuilds the machine from a stored log by feeding it the same inputs at the same times. The outputs it
 * produces are the log again (up to its last event); callers then run `stepShopper(ctx, state, { type: 'wake' }, now)` to catch up.
 */
export function replayShopper(ctx: ShopperContext, log: readonly ConversationEvent[]): StepResult {
  const started = log.find((e) => e.type === 'started');
  if (started === undefined) throw new Error('the log has no "started" event');
  let current = startShopper(ctx, started.seed, started.at, started.arrivesAt);
  const outputs = [...current.outputs];
  for (const event of log) {
    let input: ShopperInput | null = null;
    if (event.type === 'agent-message') {
      const { type: _type, at: _at, card: _card, ...message } = event;
      input = { type: 'agent-message', message };
    } else if (event.type === 'order-updated') {
      const { type: _type, at: _at, sku: _sku, ...update } = event;
      input = { type: 'order-update', update };
    } else if (event.type === 'ended' && (event.reason === 'stopped' || event.reason === 'abandoned')) {
      input = { type: 'stop', reason: event.reason };
    }
    if (input === null) continue;
    current = stepShopper(ctx, current.state, input, event.at);
    outputs.push(...current.outputs);
  }
  // Everything due up to the last logged moment happened too (buyer lines after the last agent message).
  const last = log[log.length - 1];
  if (last !== undefined && current.state.phase !== 'ended') {
    current = stepShopper(ctx, current.state, { type: 'wake' }, last.at);
    outputs.push(...current.outputs);
  }
  return { state: current.state, outputs, wakeAt: current.wakeAt };
}
