// The client events of shared/src/protocol.ts, handled declaratively: plugins give a record of handlers, and
// one dispatcher per packet checks the flood guard, finds the event in the table, validates its payload
// with the table's schema, runs the handler and answers through the ack ({ ok: true, … } or
// { ok: false, error }); without an ack, refusals go out as session:error. A handler may answer before it
// returns (`acknowledge`): a send is acknowledged right where its step is published, in order with the
// conversation's events on the same socket.
import { type ClientEventName, type ClientEvents, clientEvents, type EventPayload } from '@kefu/shared';
import type { FastifyBaseLogger } from 'fastify';
import type { z } from 'zod';
import type { UserRow } from '../db/repositories/users.ts';
import { AppError, fail, parse, toApiError } from '../errors.ts';
import { cleanClientValue } from '../http/client-text.ts';
import { ackTrace } from './ack-trace.ts';
import type { KefuSocket } from './io-types.ts';

type AckBody<K extends ClientEventName> = z.input<ClientEvents[K]['ack']>;

export interface SocketContext<K extends ClientEventName = ClientEventName> {
  user: UserRow;
  socket: KefuSocket;
  /** Answers now, once; what the handler then returns or throws is not sent (a throw is logged). */
  acknowledge(result: AckBody<K>): void;
}
export type SocketHandler<K extends ClientEventName> = (
  payload: EventPayload<ClientEvents[K]>,
  context: SocketContext<K>,
) => Promise<AckBody<K>> | AckBody<K>;
export type SocketHandlers = { [K in ClientEventName]: SocketHandler<K> };

type Dispatch = (payload: unknown, context: SocketContext) => Promise<object>;
type AckFn = (res: unknown) => void;

/** One packet's answer: written at most once, by the handler (`acknowledge`) or when it settles. */
class Answer {
  done = false;
  private readonly ack: AckFn | null;
  private readonly name: string;
  private readonly t0: number;

  constructor(ack: AckFn | null, name: string) {
    this.ack = ack;
    this.name = name;
    this.t0 = ackTrace ? performance.now() : 0;
  }

  ok(result: object): void {
    if (this.done) return;
    this.done = true;
    if (!this.ack) return;
    if (!ackTrace) {
      this.ack({ ok: true, ...result });
      return;
    }
    const t1 = performance.now();
    this.ack({ ok: true, ...result });
    ackTrace.record(`${this.name} handler`, t1 - this.t0);
    ackTrace.record(`${this.name} ack write`, performance.now() - t1);
  }
}

export class SocketEvents {
  private readonly dispatch = new Map<string, Dispatch>();
  private readonly logger: FastifyBaseLogger;

  constructor(logger: FastifyBaseLogger) {
    this.logger = logger;
  }

  /** Adds handlers for some of the table's events (each event has exactly one). */
  handle(handlers: Partial<SocketHandlers>): void {
    for (const name of Object.keys(handlers) as ClientEventName[]) {
      const handler = handlers[name];
      if (handler) this.add(name, handler);
    }
  }

  private add<K extends ClientEventName>(name: K, handler: SocketHandler<K>): void {
    if (this.dispatch.has(name)) throw new Error(`socket event ${name} has two handlers`);
    const schema: z.ZodType = clientEvents[name].payload;
    this.dispatch.set(name, async (raw, context) => {
      // Parsed by this event's own schema (zod's generics cannot follow K through the table lookup).
      const payload = parse(schema, raw) as EventPayload<ClientEvents[K]>;
      return { ...(await handler(payload, context as SocketContext<K>)) };
    });
  }

  /** Throws unless every event of the table has a handler (checked when the server is ready). */
  assertComplete(): void {
    const missing = Object.keys(clientEvents).filter((name) => !this.dispatch.has(name));
    if (missing.length > 0) throw new Error(`socket events without a handler: ${missing.join(', ')}`);
  }

  /**
   * Answers one inbound packet (`[event, ...args, ack?]`) as the client sent it; `allowed` is the flood
   * guard's verdict. Its strings are cleaned like a request's (client-text.ts) before validation.
   */
  async receive(socket: KefuSocket, packet: unknown[], allowed: boolean): Promise<void> {
    const [event, ...args] = packet;
    const name = String(event);
    const ack = typeof args[args.length - 1] === 'function' ? (args.pop() as AckFn) : null;
    const answer = new Answer(ack, name);
    try {
      if (!allowed) throw fail('rate-limited');
      const run = typeof event === 'string' ? this.dispatch.get(event) : undefined;
      if (!run) throw fail('unknown-event', { event: name });
      if (args.length !== 1) throw fail('bad-request', { problem: `${name} 需要且只需要一个参数对象` });
      const context: SocketContext = {
        user: socket.data.user,
        socket,
        acknowledge: (result) => answer.ok(result),
      };
      answer.ok(await run(cleanClientValue(args[0]), context));
    } catch (err) {
      if (!(err instanceof AppError) || answer.done)
        this.logger.error({ err, event: name }, 'socket handler failed');
      if (answer.done) return;
      answer.done = true;
      const error = toApiError(err);
      if (ack) ack({ ok: false, error });
      else socket.emit('session:error', { event: name, error });
    }
  }
}
