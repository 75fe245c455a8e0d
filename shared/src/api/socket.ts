// A socket event as data: the zod schema of its payload and, for client → server events, of its ack's
// data. The server validates and dispatches from these records; Socket.IO's typings derive from them.
import type { z } from 'zod';
import type { Ack } from './errors.ts';

export interface ClientEventSpec {
  payload: z.ZodType;
  ack: z.ZodObject;
}

export function clientEvent<const E extends ClientEventSpec>(spec: E): E {
  return spec;
}

export type EventPayload<E extends ClientEventSpec> = z.output<E['payload']>;
export type EventAck<E extends ClientEventSpec> = Ack<z.output<E['ack']>>;

/** Socket.IO's typing of client → server events: one payload, then the ack callback. */
export type ClientToServer<T extends Record<string, ClientEventSpec>> = {
  [K in keyof T]: (payload: z.input<T[K]['payload']>, ack: (res: EventAck<T[K]>) => void) => void;
};
/** Socket.IO's typing of server → client events: one payload each. */
export type ServerToClient<T extends Record<string, z.ZodType>> = {
  [K in keyof T]: (payload: z.output<T[K]>) => void;
};
