// Socket.IO types bound to the protocol.
import type { ClientToServerEvents, ServerToClientEvents } from '@kefu/shared';
import type { Server, Socket } from 'socket.io';
import type { UserRow } from '../db/repositories/users.ts';

export interface SocketData {
  user: UserRow;
}
export type KefuServer = Server<
  ClientToServerEvents,
  ServerToClientEvents,
  Record<string, never>,
  SocketData
>;
export type KefuSocket = Socket<
  ClientToServerEvents,
  ServerToClientEvents,
  Record<string, never>,
  SocketData
>;

export const userRoom = (userId: string) => `user:${userId}`;
export const monitorRoom = (drillId: string) => `monitor:${drillId}`;
export const sessionRoom = (tokenHash: string) => `session:${tokenHash}`;
