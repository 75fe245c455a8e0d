// A student bot playing each scenario's model answer over the real socket gets exactly the report that
// `kefu play` (playScript on the virtual clock) gives for the same script and seed; so does every
// counter-example that operates on the order (order changes, discounts, recommendations).
import {
  type AgentScript,
  createShopperContext,
  loadLibrary,
  type PracticeResponse,
  playScript,
  SIMULATION_EPOCH,
  toPublicEvent,
} from '@kefu/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readLibrary } from '../../server/src/cli/read-library.ts';
import { playOverSocket } from './helpers/bot.ts';
import { ManualClock } from './helpers/manual-clock.ts';
import {
  api,
  connect,
  type LiveClient,
  SCENARIOS_DIR,
  seedUser,
  startServer,
  type TestServer,
  type TestUser,
} from './helpers/server.ts';

const SEED = 424242;
const { library } = loadLibrary(readLibrary(SCENARIOS_DIR, '/'));
const scenarioIds = [...library.buyers.keys()];

let server: TestServer;
let clock: ManualClock;
let student: TestUser;
let client: LiveClient;

beforeAll(async () => {
  clock = new ManualClock(SIMULATION_EPOCH);
  server = await startServer({ clock, seedSource: () => SEED });
  student = await seedUser(server.app, 'student');
  client = await connect(server, student);
});

afterAll(async () => {
  client?.close();
  await server?.close();
  server?.cleanup();
});

describe('model answers played over the socket', () => {
  it('has scenarios to play', () => {
    expect(scenarioIds.length).toBeGreaterThan(5);
  });

  it.each(scenarioIds)('%s: same log and same report as playScript', async (scenarioId) => {
    const report = await playBothWays(scenarioId, library.buyers.get(scenarioId)!.modelAnswer);
    expect(report.violations).toEqual([]);
  });
});

const ORDER_ACTIONS = new Set(['updateOrder', 'discount', 'recommend']);
const orderCounterExamples = [...library.buyers.values()].flatMap((scenario) =>
  scenario.counterExamples
    .filter((example) => example.script.some((step) => ORDER_ACTIONS.has(step.action ?? '')))
    .map((example) => ({ scenarioId: scenario.id, name: example.name, script: example.script })),
);

describe('counter-examples that operate on the order, played over the socket', () => {
  it('has some', () => {
    expect(orderCounterExamples.length).toBeGreaterThan(2);
  });

  it.each(orderCounterExamples)('$scenarioId · $name: same log and report as playScript', async (example) => {
    const report = await playBothWays(example.scenarioId, example.script);
    expect(report.violations.length).toBeGreaterThan(0);
  });
});

/** Plays the script over the socket and with playScript; the two must agree. Answers the socket's report. */
async function playBothWays(scenarioId: string, script: AgentScript) {
  const rubric = library.rubrics.get('default')!;
  const ctx = createShopperContext(library, scenarioId, rubric);
  const startedAt = clock.now();
  const expected = playScript(library, scenarioId, script, { seed: SEED, start: startedAt });

  const started = await api<PracticeResponse>(server, 'POST', '/api/practice', {
    as: student,
    body: { scenarioId },
  });
  expect(started.status).toBe(200);
  const conversation = started.body.conversations[0]!;
  expect(conversation.startedAt).toBe(startedAt);

  const run = await playOverSocket(client, clock, ctx, conversation.id, startedAt, script);
  expect(run.acks.every((a) => a.ok && !a.duplicate)).toBe(true);

  // What the student saw is the student's view of the simulated log, event for event.
  const seen = run.envelopes.map((e) => e.event);
  const simulated = expected.events.map(toPublicEvent).filter((e) => e !== null);
  expect(seen).toEqual(simulated);

  const report = await api(server, 'GET', `/api/reports/conversations/${conversation.id}`, { as: student });
  expect(report.status).toBe(200);
  expect(report.body.report).toEqual(expected.report);
  return expected.report;
}
