// The learning path (`scenarios/course/`): progress, unit opening, the next scenario to practise, leaderboards.
export * from './leaderboard.ts';
export * from './names.ts';
export * from './progress.ts';
export * from './recommend.ts';
