// The judgement corpus runner (`kefu judge-eval`, docs/judge-corpus.md).

export * from './appeal-case.ts';
export * from './evaluate.ts';
