// The learning path (`scenarios/course/`): progress, unit opening and the next scenario to practise.
export * from './names.ts';
export * from './progress.ts';
export * from './recommend.ts';
export * from './leaderboard.ts';
