// The judgement corpus runner (`kefu judge-eval`, docs/judge-corpus.md).
export * from './evaluate.ts';
