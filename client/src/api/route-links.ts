/// <reference path="../virtual-modules.d.ts" />
// The route table as the browser holds it: the method and path of every route of shared/src/protocol.ts,
// without its zod schemas (zod and the schemas were most of the first download). The build derives these
// links from the same table (the route-links plugin in vite.config.ts), and each link keeps its route's
// full type, so every call stays typed by the schemas the server validates with.

import { routes as links } from 'virtual:kefu-route-links';
import type { RouteSpec, Routes } from '@kefu/shared/protocol';

export interface RouteLink<R extends RouteSpec = RouteSpec> {
  method: R['method'];
  path: R['path'];
  /** Never there at run time: only carries the route's type (its params, query, body and response). */
  readonly spec?: R;
}

export type RouteLinks = {
  [G in keyof Routes]: {
    [K in keyof Routes[G]]: Routes[G][K] extends RouteSpec ? RouteLink<Routes[G][K]> : never;
  };
};

export const routes: RouteLinks = links;
