// Drives the shopper machine like the server does (inputs at given times, wake-ups whenever due in between),
// on the fixture library.
import {
  type AgentMessage,
  type ConversationEvent,
  createShopperContext,
  type OrderUpdate,
  type ShopperContext,
  type StepResult,
  startShopper,
  stepShopper,
} from '@kefu/shared';
import { fixtureLibrary } from './fixture.ts';

export const library = fixtureLibrary();
const rubric = library.rubrics.get('default')!;
export const T0 = 1_000_000;

export function context(id: string): ShopperContext {
  return createShopperContext(library, id, rubric);
}

let nextId = 0;
export function typed(text: string): AgentMessage {
  return { id: `m${++nextId}`, text, source: 'typed' };
}

/** Drives a machine like the server does: inputs at given times, wake-ups whenever due in between. */
export class Driver {
  events: ConversationEvent[] = [];
  current: StepResult;
  readonly ctx: ShopperContext;
  constructor(ctx: ShopperContext, seed = 1) {
    this.ctx = ctx;
    this.current = startShopper(ctx, seed, T0);
    this.events.push(...this.current.outputs);
  }
  get state() {
    return this.current.state;
  }
  private apply(input: Parameters<typeof stepShopper>[2], at: number) {
    this.current = stepShopper(this.ctx, this.current.state, input, at);
    this.events.push(...this.current.outputs);
    return this.current.outputs;
  }
  /** Runs every wake-up due up to `at`. */
  until(at: number) {
    return this.apply({ type: 'wake' }, at);
  }
  say(text: string, at: number) {
    return this.apply({ type: 'agent-message', message: typed(text) }, at);
  }
  send(message: AgentMessage, at: number) {
    return this.apply({ type: 'agent-message', message }, at);
  }
  update(update: OrderUpdate, at: number) {
    return this.apply({ type: 'order-update', update }, at);
  }
  stop(at: number) {
    return this.apply({ type: 'stop' }, at);
  }
  of<T extends ConversationEvent['type']>(type: T) {
    return this.events.filter((e): e is Extract<ConversationEvent, { type: T }> => e.type === type);
  }
  lastBuyerLine() {
    const lines = this.of('buyer-message');
    return lines[lines.length - 1]!;
  }
}
