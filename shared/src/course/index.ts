// The learning path (`scenarios/course/`): progress, unit opening and the next scenario to practise.
export * from './names.ts';
