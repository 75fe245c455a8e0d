import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ConversationEvent } from '../../../shared/src/conversation/events.ts';
import { RULE_IDS } from '../../../shared/src/scenario/schema.ts';
import { scoreConversation } from '../../../shared/src/scoring/index.ts';
import { judgement, makeRubric, makeScenario, T0 } from './log-builder.ts';

const scenario = makeScenario({ persona: { name: '老李', returning: true } });
const rubric = makeRubric();
const BEATS = ['hello', 'color', 'details', 'price', 'unknown-beat'];
const TEXTS = [
  '亲，在的',
  '这款有红色的哦',
  '这款有红色的呢',
  '亲，欢迎光临本店，有什么可以帮您？',
  '😊',
  '',
];

type Step =
  | { kind: 'buyer'; beat: number; line: number }
  | {
      kind: 'agent';
      text: number;
      source: 'typed' | 'phrase' | 'action';
      phrase: number;
      flags: boolean[];
      pick: number[];
    }
  | { kind: 'order'; amount: number }
  | { kind: 'paid'; order: number }
  | { kind: 'quiet'; window: number }
  | { kind: 'left'; reason: 'patience' | 'scripted' | 'quiet' }
  | { kind: 'ended' }
  | { kind: 'typing' };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('buyer' as const), beat: fc.nat(4), line: fc.nat(2) }),
  fc.record({
    kind: fc.constant('agent' as const),
    text: fc.nat(TEXTS.length - 1),
    source: fc.constantFrom('typed' as const, 'phrase' as const, 'action' as const),
    phrase: fc.nat(2),
    flags: fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
    pick: fc.array(fc.nat(20), { maxLength: 4 }),
  }),
  fc.record({ kind: fc.constant('order' as const), amount: fc.integer({ min: 1, max: 999 }) }),
  fc.record({ kind: fc.constant('paid' as const), order: fc.nat(3) }),
  fc.record({ kind: fc.constant('quiet' as const), window: fc.integer({ min: 0, max: 120_000 }) }),
  fc.record({
    kind: fc.constant('left' as const),
    reason: fc.constantFrom('patience' as const, 'scripted' as const, 'quiet' as const),
  }),
  fc.constant({ kind: 'ended' as const }),
  fc.constant({ kind: 'typing' as const }),
);

/** Turns arbitrary steps into a log the machine could have written: ordered times, ids that refer back. */
function toLog(steps: readonly Step[], gaps: readonly number[]): ConversationEvent[] {
  const events: ConversationEvent[] = [
    { type: 'started', at: T0, scenarioId: 'test-buyer', scenarioVersion: 'v1', seed: 1 },
  ];
  const buyerIds: string[] = [];
  const orderIds: string[] = [];
  let at = T0;
  steps.forEach((s, i) => {
    at += gaps[i % gaps.length] ?? 0;
    const some = (pick: number[]) =>
      pick.map((p) => buyerIds[p % Math.max(buyerIds.length, 1)]).filter((id) => id !== undefined);
    switch (s.kind) {
      case 'buyer': {
        const id = `b${i}`;
        buyerIds.push(id);
        events.push({ type: 'buyer-message', at, id, text: 'x', beat: BEATS[s.beat]!, line: s.line });
        break;
      }
      case 'agent': {
        const id = `a${i}`;
        const [irrelevant, invites, reminds, acknowledges, courtesyOnly, wrong] = s.flags;
        events.push({
          type: 'agent-message',
          at,
          id,
          text: TEXTS[s.text]!,
          source: s.source,
          ...(s.source === 'phrase' ? { phraseId: `p${s.phrase}` } : {}),
          ...(s.source === 'action' ? { card: 'payment-reminder' as const } : {}),
        });
        const ids = some(s.pick);
        events.push({
          type: 'reply-judged',
          at,
          messageId: id,
          ...judgement(ids, {
            openAsks: ids,
            stated: ids.slice(0, 1),
            evaded: ids.slice(1, 2),
            addressed: ids.slice(2, 3),
            ignoredObjections: ids.slice(3),
            contradicted: wrong ? ['jacket.color.red'] : [],
            irrelevant: irrelevant!,
            invites: invites!,
            reminds: reminds!,
            acknowledges: acknowledges!,
            courtesyOnly: courtesyOnly!,
          }),
        });
        break;
      }
      case 'order': {
        const orderId = `o${orderIds.length}`;
        orderIds.push(orderId);
        events.push({ type: 'order-placed', at, orderId, product: 'jacket', quantity: 1, amount: s.amount });
        break;
      }
      case 'paid':
        events.push({
          type: 'order-paid',
          at,
          orderId: orderIds[s.order % Math.max(orderIds.length, 1)] ?? 'none',
        });
        break;
      case 'quiet':
        events.push({ type: 'buyer-quiet', at, until: at + s.window });
        break;
      case 'left':
        events.push({ type: 'buyer-left', at, reason: s.reason });
        break;
      case 'ended':
        events.push({ type: 'ended', at, reason: 'finished' });
        break;
      case 'typing':
        events.push({ type: 'buyer-typing', at });
        break;
    }
  });
  return events;
}

const logs = fc
  .tuple(
    fc.array(step, { maxLength: 60 }),
    fc.array(fc.integer({ min: 0, max: 90_000 }), { minLength: 1, maxLength: 8 }),
  )
  .map(([steps, gaps]) => toLog(steps, gaps));

const scoreOf = (events: readonly ConversationEvent[]) =>
  scoreConversation({
    scenario,
    scenarioVersion: 'v1',
    rubric,
    phrases: new Map(),
    particles: ['哦', '呢'],
    events,
  });

describe('scoring properties', () => {
  it('never throws and always gives a well-formed report', () => {
    fc.assert(
      fc.property(logs, (events) => {
        const report = scoreOf(events);
        expect(report.score).toBeGreaterThanOrEqual(0);
        expect(report.score).toBeLessThanOrEqual(100);
        expect(Math.round(report.score * 10) / 10).toBe(report.score);
        for (const d of report.dimensions) expect(d.score >= 0 && d.score <= 1).toBe(true);
        for (const v of report.violations) {
          expect(RULE_IDS).toContain(v.rule);
          expect(Number.isFinite(v.atSeconds)).toBe(true);
          expect(v.message.length).toBeGreaterThan(0);
        }
        const times = report.violations.map((v) => v.atSeconds);
        expect(times).toEqual([...times].sort((a, b) => a - b));
      }),
      { numRuns: 300 },
    );
  });

  it('is a pure function: the same log scored twice, or a copy of it, gives a deep-equal report', () => {
    fc.assert(
      fc.property(logs, (events) => {
        const first = scoreOf(events);
        expect(scoreOf(events)).toEqual(first);
        expect(scoreOf(structuredClone(events))).toEqual(first);
      }),
      { numRuns: 100 },
    );
  });

  it('does not modify the log it scores', () => {
    fc.assert(
      fc.property(logs, (events) => {
        const copy = structuredClone(events);
        scoreOf(events);
        expect(events).toEqual(copy);
      }),
      { numRuns: 50 },
    );
  });

  it('a silent agent never scores above 0', () => {
    fc.assert(
      fc.property(logs, (events) => {
        const silent = events.filter((e) => e.type !== 'agent-message' && e.type !== 'reply-judged');
        expect(scoreOf(silent).score).toBe(0);
      }),
      { numRuns: 100 },
    );
  });
});
