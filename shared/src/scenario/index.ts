// The scenario language on its own (`@kefu/shared/scenario`): schema, loader and JSON Schemas, without the
// simulator, so tools like `kefu check` and `kefu list` load only what they need.
export * from './json-schema.ts';
export * from './load.ts';
export * from './new-catalogue-file.ts';
export * from './schema.ts';
