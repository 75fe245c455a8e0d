// Wraps a socket event handler: validates the payload with its protocol schema, runs it, and answers through
// the ack callback ({ ok: true, … } or { ok: false, error }). Without an ack, failures go out as session:error.
import { type Ack, SERVER_EVENTS } from '@kefu/shared';
import type { FastifyBaseLogger } from 'fastify';
import type { z } from 'zod';
import { AppError, parse, toApiError } from '../errors.ts';
import type { KefuSocket } from './io-types.ts';

export function takeAck(args: unknown[]): ((res: Ack) => void) | null {
  const last = args[args.length - 1];
  if (typeof last !== 'function') return null;
  args.pop();
  return last as (res: Ack) => void;
}

export function replyError(
  socket: KefuSocket,
  event: string,
  ack: ((res: Ack) => void) | null,
  error: AppError,
): void {
  if (ack) ack({ ok: false, error: error.toJSON() });
  else socket.emit(SERVER_EVENTS.error, { event, error: error.toJSON() });
}

export function handle<S extends z.ZodType, R extends object>(
  socket: KefuSocket,
  event: string,
  schema: S,
  logger: FastifyBaseLogger,
  run: (payload: z.infer<S>) => Promise<R> | R,
): void {
  socket.on(
    event as never,
    (async (...args: unknown[]) => {
      const ack = takeAck(args);
      try {
        if (args.length !== 1) throw new AppError('bad-request', `${event} 需要且只需要一个参数对象`);
        const result = await run(parse(schema, args[0]));
        ack?.({ ok: true, ...result });
      } catch (err) {
        if (!(err instanceof AppError)) logger.error({ err, event }, 'socket handler failed');
        const apiError = toApiError(err);
        if (ack) ack({ ok: false, error: apiError });
        else socket.emit(SERVER_EVENTS.error, { event, error: apiError });
      }
    }) as never,
  );
}
