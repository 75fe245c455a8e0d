// The report's layout, as the stylesheet gives it: the transcript grows with the page instead of scrolling
// in a box of its own (one scrollbar, not two, and no region a keyboard cannot scroll), and a rule's tag is
// as wide as its words even where its grid column is wider (a phone puts the 查看对应消息 button under it).
// Real Chromium measures the same at 390 px in tests/e2e/a11y.test.ts.
import { readFileSync } from 'node:fs';
import type { ConversationReportResponse } from '@kefu/shared/protocol';
import { screen } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConversationSummary } from '../../client/src/summary/ConversationSummary.tsx';
import { conversationView, setup, T0 } from './harness.tsx';

let style: HTMLStyleElement;
beforeAll(() => {
  style = document.createElement('style');
  style.textContent = readFileSync('client/src/styles.css', 'utf8');
  document.head.append(style);
});
afterAll(() => style.remove());

const data: ConversationReportResponse = {
  conversation: conversationView('a', { status: 'ended', endedAt: T0 + 60_000 }),
  report: {
    scenarioId: 'scenario-a',
    scenarioVersion: 'v1',
    rubricId: 'default',
    rubricVersion: 1,
    seed: 1,
    abandoned: false,
    stopped: false,
    score: 80,
    dimensions: [{ id: 'responsiveness', score: 0.5, weight: 30, violations: 1 }],
    metrics: {
      firstResponseSeconds: 5,
      averageResponseSeconds: 12,
      maxResponseSeconds: 19,
      turns: 2,
      within3MinRate: 1,
      outcome: 'ordered-unpaid',
      orderAmount: 399,
      paidAmount: 0,
      crossSellAmount: 0,
      discountAmount: 0,
      inquired: true,
      converted: false,
      returningKept: null,
      remindersSent: 0,
      reminderSuccess: null,
      phraseUses: 1,
    },
    violations: [
      {
        key: 'slow-first-response|5000',
        rule: 'slow-first-response',
        atSeconds: 5,
        message: '首次响应慢',
        detail: { seconds: 5, limitSeconds: 3, messageId: 'a-m1' },
      },
    ],
    overturned: [],
    outcomeReason: null,
  },
  events: [
    { type: 'started', at: T0 },
    { type: 'buyer-message', at: T0, id: 'a-b1', text: '这件羽绒服有黑色吗？' },
    { type: 'agent-message', at: T0 + 5_000, id: 'a-m1', text: '有的亲', source: 'typed' },
  ].map((event, index) => ({ conversationId: 'a', seq: index + 1, prevSeq: index, event })),
  advice: [],
  evaluations: [],
  appeals: [],
} as ConversationReportResponse;

describe("the report's layout", () => {
  it('the transcript has no scrolling box of its own', async () => {
    const h = await setup();
    h.render(<ConversationSummary data={data} />);
    const transcript = screen.getByRole('region', { name: '对话记录' }).querySelector('.transcript')!;
    const css = getComputedStyle(transcript);
    expect(css.display).toBe('flex');
    expect(css.overflowY).not.toMatch(/auto|scroll/);
    expect(css.maxHeight).toMatch(/^(none|)$/);
  });

  it("a rule's tag keeps to its words in the mistake's grid", async () => {
    const h = await setup();
    h.render(<ConversationSummary data={data} />);
    const tag = screen.getByText('首响超时');
    expect(tag.parentElement!.className).toBe('violation');
    expect(getComputedStyle(tag).justifySelf).toBe('start');
  });
});
