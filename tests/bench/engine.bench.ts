// `npm run bench`: how fast the pure core runs on this machine. Prints engine steps per second, the median
// time to score a 300-message conversation (target ≤ 1 ms) and to score a class of 50 students × 10
// conversations with per-student summaries (target ≤ 0.1 s). Figures only: nothing here passes or fails.
// `--json`: the last line is one JSON object {scoreConversationMedianMs, classMedianS, stepsPerSecond}.
import { performance } from 'node:perf_hooks';
import { readLibrary } from '../../server/src/cli/read-library.ts';
import type { ConversationEvent } from '../../shared/src/conversation/events.ts';
import { scoreEvents } from '../../shared/src/proof/play.ts';
import { loadLibrary } from '../../shared/src/scenario/load.ts';
import { aggregateStudent } from '../../shared/src/scoring/index.ts';
import { createShopperContext, type ShopperContext } from '../../shared/src/shopper/context.ts';
import { type StepResult, startShopper, stepShopper } from '../../shared/src/shopper/machine.ts';
import { simulate } from '../../shared/src/shopper/simulate.ts';

const { library, errors } = loadLibrary(readLibrary('scenarios'));
if (errors.length > 0)
  throw new Error(`the scenario library has ${errors.length} errors: run npx kefu check`);
const rubric = library.rubrics.get('default')!;
const contexts = [...library.buyers.keys()].map((id) => createShopperContext(library, id, rubric));

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const fmt = (value: number, digits = 2) => value.toFixed(digits);

/** Every script of every scenario under three seeds, simulated once: the logs the benchmarks replay. */
const runs: { ctx: ShopperContext; events: ConversationEvent[] }[] = [];
for (const ctx of contexts) {
  const scripts = [ctx.scenario.modelAnswer, ...ctx.scenario.counterExamples.map((c) => c.script)];
  for (const script of scripts) {
    for (const seed of [1, 2, 3]) runs.push({ ctx, events: simulate(ctx, script, seed).events });
  }
}

/** Drives the machine with a log's inputs, waking it whenever it is due, as the server does; returns steps. */
function drive(ctx: ShopperContext, events: readonly ConversationEvent[]): number {
  const started = events[0];
  if (started?.type !== 'started') return 0;
  let current: StepResult = startShopper(ctx, started.seed, started.at);
  let steps = 1;
  for (const event of events) {
    while (current.wakeAt !== null && current.wakeAt <= event.at) {
      current = stepShopper(ctx, current.state, { type: 'wake' }, current.wakeAt);
      steps++;
    }
    if (event.type === 'agent-message') {
      const { type: _t, at: _a, card: _c, ...message } = event;
      current = stepShopper(ctx, current.state, { type: 'agent-message', message }, event.at);
      steps++;
    }
  }
  return steps;
}

function engineStepsPerSecond(): number {
  const rates: number[] = [];
  for (let round = 0; round < 7; round++) {
    let steps = 0;
    const start = performance.now();
    for (const run of runs) steps += drive(run.ctx, run.events);
    rates.push(steps / ((performance.now() - start) / 1000));
  }
  return median(rates);
}

/**
 * A long busy chat: the jacket scenario played again and again in one log (a new visit whenever it would
 * end), every buyer line answered 2 s later, alternately by typed text and quick phrases, until 300 messages.
 */
function longConversation(): { ctx: ShopperContext; events: ConversationEvent[] } {
  const ctx = contexts.find((c) => c.scenario.id === 'jacket-colour-size') ?? contexts[0]!;
  const phrases = [...library.phrases.values()];
  const events: ConversationEvent[] = [];
  let current = startShopper(ctx, 1, 0);
  events.push(...current.outputs);
  const isMessage = (e: ConversationEvent) => e.type === 'buyer-message' || e.type === 'agent-message';
  let agent = 0;
  while (events.filter(isMessage).length < 300) {
    if (current.state.phase === 'ended' || current.wakeAt === null) {
      const at = events[events.length - 1]!.at + 1000;
      current = startShopper(ctx, agent + 2, at);
      events.push(...current.outputs.filter((e) => e.type !== 'started'));
    } else {
      current = stepShopper(ctx, current.state, { type: 'wake' }, current.wakeAt);
      events.push(...current.outputs.filter((e) => e.type !== 'ended' && e.type !== 'buyer-left'));
      if (!current.outputs.some((e) => e.type === 'buyer-message')) continue;
    }
    const t = events[events.length - 1]!.at + 2000;
    const phrase = agent % 3 === 0 ? phrases[agent % phrases.length]! : null;
    const message = phrase
      ? { id: `a${agent}`, text: phrase.text, source: 'phrase' as const, phraseId: phrase.id }
      : {
          id: `a${agent}`,
          text: `亲，第${agent}个问题：黑色M码有现货，今天下单48小时内发货哦`,
          source: 'typed' as const,
        };
    agent++;
    current = stepShopper(ctx, current.state, { type: 'agent-message', message }, t);
    events.push(...current.outputs.filter((e) => e.type !== 'ended' && e.type !== 'buyer-left'));
  }
  return { ctx, events };
}

function scoreLongConversation(): { ms: number; messages: number } {
  const { ctx, events } = longConversation();
  const messages = events.filter((e) => e.type === 'buyer-message' || e.type === 'agent-message').length;
  for (let i = 0; i < 20; i++) scoreEvents(ctx, events); // warm-up
  const times: number[] = [];
  for (let i = 0; i < 200; i++) {
    const start = performance.now();
    scoreEvents(ctx, events);
    times.push(performance.now() - start);
  }
  return { ms: median(times), messages };
}

function scoreClass(students: number, perStudent: number): number {
  const times: number[] = [];
  for (let round = 0; round < 5; round++) {
    const start = performance.now();
    for (let s = 0; s < students; s++) {
      const reports = [];
      for (let c = 0; c < perStudent; c++) {
        const run = runs[(s * perStudent + c) % runs.length]!;
        reports.push(scoreEvents(run.ctx, run.events));
      }
      aggregateStudent(reports);
    }
    times.push(performance.now() - start);
  }
  return median(times);
}

const steps = engineStepsPerSecond();
const long = scoreLongConversation();
const klass = scoreClass(50, 10);
console.log(`engine: ${fmt(steps / 1000, 0)}k steps/s (${runs.length} simulated conversations replayed)`);
console.log(`score one ${long.messages}-message conversation: median ${fmt(long.ms, 3)} ms (target ≤ 1 ms)`);
console.log(
  `score a class of 50 students × 10 conversations: median ${fmt(klass / 1000, 3)} s (target ≤ 0.1 s)`,
);
if (process.argv.includes('--json'))
  console.log(
    JSON.stringify({
      scoreConversationMedianMs: Number(long.ms.toFixed(3)),
      classMedianS: Number((klass / 1000).toFixed(4)),
      stepsPerSecond: Math.round(steps),
    }),
  );
