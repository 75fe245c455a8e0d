// Modules the build makes (see the plugins in vite.config.ts).
declare module 'virtual:kefu-route-links' {
  export const routes: import('./api/route-links.ts').RouteLinks;
}
