// What a trainer reads beside a paid outcome the reception did not earn: the buyer brought the order. The
// conversation replay says why the outcome is what it is, the student's receptions say what the buyer came
// with, and the totals how many of the paid came paid (zh-CN and en).
import type { ConversationReportResponse, StudentReportResponse } from '@kefu/shared/protocol';
import { act, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { setLanguage } from '../../../client/src/i18n/index.ts';
import { ConversationReplay } from '../../../client/src/staff/reports/ConversationReplay.tsx';
import { StudentReport } from '../../../client/src/staff/reports/StudentReport.tsx';
import '../../../client/src/staff/i18n/index.ts';
import { conversationView, setup, T0 } from '../harness.tsx';
import { fakeHttp } from './fake-http.ts';

afterEach(async () => {
  await setLanguage('zh-CN');
});

const metrics = {
  firstResponseSeconds: 2,
  averageResponseSeconds: 4,
  maxResponseSeconds: 6,
  turns: 3,
  within3MinRate: 1,
  outcome: 'paid' as const,
  orderAmount: 299,
  paidAmount: 299,
  crossSellAmount: 0,
  discountAmount: 0,
  inquired: false,
  converted: false,
  returningKept: null,
  remindersSent: 0,
  reminderSuccess: null,
  phraseUses: 0,
};

const report: ConversationReportResponse = {
  conversation: conversationView('k1', { status: 'ended', endedAt: T0 + 120_000 }),
  report: {
    scenarioId: 'mid-change-size-shoes',
    scenarioVersion: 'v1',
    rubricId: 'default',
    rubricVersion: 1,
    seed: 7,
    abandoned: false,
    stopped: false,
    score: 48.2,
    dimensions: [{ id: 'outcome', score: 0, weight: 10, violations: 0 }],
    metrics,
    violations: [],
    overturned: [],
    outcomeReason: {
      brought: 'paid',
      goalBrought: true,
      paidSince: false,
      left: true,
      replied: true,
      counted: true,
    },
  },
  advice: [],
  events: [],
  evaluations: [],
  appeals: [],
};

describe('a paid order the buyer brought, in the trainer’s views', () => {
  it('the replay says the outcome and why it is 0', async () => {
    const http = fakeHttp({
      'GET /api/reports/conversations/k1': () => report,
      'GET /api/catalog': () => ({ products: [], phrases: [] }),
      'GET /api/scenarios/mid-change-size-shoes': () => ({ source: { modelAnswer: [] } }),
    });
    const { render } = await setup({ http });
    render(<ConversationReplay conversationId="k1" />);
    const line = await screen.findByText(/^结果：已付款/);
    expect(line.textContent).toContain(
      '买家来时已经下单并付款，这笔订单不是本次接待促成的；接待中买家离开了，所以成交结果为 0。',
    );
    await act(() => setLanguage('en'));
    expect(screen.getByText(/^Outcome: paid/).textContent).toContain(
      'The buyer came with the order already placed and paid',
    );
  });

  it('the student’s receptions say what the buyer came with, the totals how many came paid', async () => {
    const student: StudentReportResponse = {
      student: { id: 's1', username: 'zs', displayName: '张三', role: 'student', mustChangePassword: false },
      aggregate: {
        score: 60,
        violationsByRule: {} as never,
        metrics: {
          conversations: 2,
          firstResponseSeconds: 2,
          averageResponseSeconds: 4,
          maxResponseSeconds: 6,
          turns: 6,
          within3MinRate: 1,
          outcomes: { paid: 2, 'ordered-unpaid': 0, left: 0, stopped: 0, open: 0 },
          paidOnArrival: 1,
          inquiries: 1,
          conversionRate: 1,
          orderAmount: 598,
          paidAmount: 598,
          averageOrderAmount: 299,
          crossSellAmount: 0,
          discountAmount: 0,
          returningBuyers: 0,
          returningKeptRate: null,
          remindersSent: 0,
          reminderSuccess: null,
          phraseUses: 0,
        },
      },
      conversations: [
        {
          conversationId: 'k1',
          scenarioId: 'mid-change-size-shoes',
          scenarioTitle: '改鞋码',
          drillId: null,
          startedAt: T0,
          status: 'ended',
          abandoned: false,
          score: 48.2,
          outcome: 'paid',
          brought: 'paid',
          violations: 2,
        },
        {
          conversationId: 'k2',
          scenarioId: 'pre-flask-gift-engrave',
          scenarioTitle: '保温杯刻字',
          drillId: null,
          startedAt: T0,
          status: 'ended',
          abandoned: false,
          score: 95,
          outcome: 'paid',
          brought: null,
          violations: 0,
        },
      ],
      evaluations: [],
      grade: null,
      benchmarks: { firstResponseSeconds: 3, responseSeconds: 30 },
    };
    const http = fakeHttp({
      'GET /api/reports/students/s1?classId=c1': () => student,
      'GET /api/classes/c1/drills': () => ({ drills: [] }),
      'GET /api/scenarios': () => ({ scenarios: [] }),
    });
    const { render } = await setup({ http });
    render(<StudentReport classId="c1" studentId="s1" />);
    const midRow = (await screen.findByText('改鞋码')).closest('tr')!;
    expect(midRow.textContent).toContain('已付款买家来时已付款');
    const preRow = screen.getByText('保温杯刻字').closest('tr')!;
    expect(preRow.textContent).not.toContain('来时');
    expect(screen.getByText('成交中有 1 位买家来时已付款，不是接待促成的')).toBeTruthy();
  });
});
