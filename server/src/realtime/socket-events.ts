// The client events of shared/src/protocol.ts, handled declaratively: plugins give a record of handlers, and
// one dispatcher per packet checks the flood guard, finds the event in the table, validates its payload
// with the table's schema, runs the handler and answers through the ack ({ ok: true, … } or
// { ok: false, error }); without an ack, refusals go out as session:error.
import { type ClientEventName, type ClientEvents, clientEvents, type EventPayload } from '@kefu/shared';
import type { FastifyBaseLogger } from 'fastify';
import type { z } from 'zod';
import type { UserRow } from '../db/repositories/users.ts';
import { AppError, fail, parse, toApiError } from '../errors.ts';
import { cleanClientValue } from '../http/client-text.ts';
import { ackTrace } from './ack-trace.ts';
import type { KefuSocket } from './io-types.ts';

export interface SocketContext {
  user: UserRow;
  socket: KefuSocket;
}
export type SocketHandler<K extends ClientEventName> = (
  payload: EventPayload<ClientEvents[K]>,
  context: SocketContext,
) => Promise<z.input<ClientEvents[K]['ack']>> | z.input<ClientEvents[K]['ack']>;
export type SocketHandlers = { [K in ClientEventName]: SocketHandler<K> };

type Dispatch = (payload: unknown, context: SocketContext) => Promise<object>;
type AckFn = (res: unknown) => void;

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
      return { ...(await handler(payload, context)) };
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
    try {
      if (!allowed) throw fail('rate-limited');
      const run = typeof event === 'string' ? this.dispatch.get(event) : undefined;
      if (!run) throw fail('unknown-event', { event: name });
      if (args.length !== 1) throw fail('bad-request', { problem: `${name} 需要且只需要一个参数对象` });
      const t0 = ackTrace ? performance.now() : 0;
      const result = await run(cleanClientValue(args[0]), { user: socket.data.user, socket });
      if (ackTrace && ack) {
        const t1 = performance.now();
        ack({ ok: true, ...result });
        ackTrace.record(`${name} handler`, t1 - t0);
        ackTrace.record(`${name} ack write`, performance.now() - t1);
      } else ack?.({ ok: true, ...result });
    } catch (err) {
      if (!(err instanceof AppError)) this.logger.error({ err, event: name }, 'socket handler failed');
      const error = toApiError(err);
      if (ack) ack({ ok: false, error });
      else socket.emit('session:error', { event: name, error });
    }
  }
}
