// The pure core shared by server and client: scenario language, text matching, shopper machine, scoring,
// proof and the socket protocol. No I/O, no clocks: time is always an input.
export * from './conversation/events.ts';
export * from './corpus/index.ts';
export * from './course/index.ts';
export * from './proof/index.ts';
export * from './protocol.ts';
export * from './scenario/json-schema.ts';
export * from './scenario/load.ts';
export * from './scenario/new-catalogue-file.ts';
export * from './scenario/schema.ts';
export * from './scoring/index.ts';
export * from './shopper/index.ts';
export * from './text/index.ts';
export * from './zod-chinese.ts';
