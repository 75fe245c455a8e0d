import type { ConversationReportResponse, EventEnvelope, PublicEvent } from '@kefu/shared/protocol';
import { act, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HttpError } from '../../client/src/api/http.ts';
import { setLanguage } from '../../client/src/i18n/index.ts';
import { ConversationSummary } from '../../client/src/summary/ConversationSummary.tsx';
import Summary from '../../client/src/summary/Summary.tsx';
import { conversationView, JACKET, PHRASES, setup, T0 } from './harness.tsx';
import { apiFrom } from './staff/fake-http.ts';

function envelopes(conversationId: string, events: PublicEvent[]): EventEnvelope[] {
  return events.map((event, index) => ({ conversationId, seq: index + 1, prevSeq: index, event }));
}

function reportFor(id: string, score: number): ConversationReportResponse {
  return {
    conversation: conversationView(id, { status: 'ended', endedAt: T0 + 60_000 }),
    report: {
      scenarioId: `scenario-${id}`,
      scenarioVersion: 'v1',
      rubricId: 'default',
      rubricVersion: 1,
      seed: 1,
      abandoned: false,
      stopped: false,
      score,
      dimensions: [
        { id: 'responsiveness', score: 0.5, weight: 30, violations: 1 },
        { id: 'salesActions', score: 0.8, weight: 20, violations: 1 },
      ],
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
          detail: { seconds: 5, limitSeconds: 3, messageId: `${id}-m1` },
        },
        {
          key: 'no-order-prompt|40000',
          rule: 'no-order-prompt',
          atSeconds: 40,
          message: '没有邀请下单',
          detail: {},
        },
      ],
      overturned: [],
      outcomeReason: null,
    },
    events: envelopes(id, [
      { type: 'started', at: T0 },
      { type: 'buyer-message', at: T0, id: `${id}-b1`, text: '这件羽绒服有黑色吗？' },
      { type: 'agent-message', at: T0 + 5_000, id: `${id}-m1`, text: '有的亲', source: 'typed' },
      { type: 'buyer-message', at: T0 + 20_000, id: `${id}-b2`, text: '好的我考虑下' },
      { type: 'agent-message', at: T0 + 39_000, id: `${id}-m2`, text: '好的亲', source: 'typed' },
      { type: 'ended', at: T0 + 60_000, reason: 'finished' },
    ]),
    advice: [],
    evaluations: [],
    appeals: [],
  };
}

const scrolled: Element[] = [];

beforeEach(() => {
  scrolled.length = 0;
  // jsdom does no layout, so it cannot scroll: record which element was asked to come into view.
  Element.prototype.scrollIntoView = function scrollIntoView(this: Element) {
    scrolled.push(this);
  };
});

afterEach(async () => {
  await setLanguage('zh-CN');
});

describe('ConversationSummary', () => {
  it('shows the score, each metric against its benchmark and the outcome', async () => {
    const h = await setup();
    h.render(<ConversationSummary data={reportFor('a', 62.5)} />);
    expect(screen.getByRole('img', { name: '得分 62.5' })).toBeTruthy();
    const first = screen.getByRole('img', { name: '首次响应 5 秒，基准 3 秒' });
    expect(first.querySelector('strong')!.className).toBe('bad');
    const average = screen.getByRole('img', { name: '平均响应 12 秒，基准 30 秒' });
    expect(average.querySelector('strong')!.className).toBe('good');
    expect(screen.getByRole('img', { name: '三分钟回复率 100%，基准 100%' })).toBeTruthy();
    expect(screen.getByText('已下单未付款')).toBeTruthy();
  });

  it('says why a paid conversation scored outcome 0: the buyer came with the order paid and left (zh-CN, en)', async () => {
    const h = await setup();
    const data = reportFor('a', 40);
    data.report.metrics.outcome = 'paid';
    data.report.dimensions.push({ id: 'outcome', score: 0, weight: 10, violations: 0 });
    data.report.outcomeReason = {
      brought: 'paid',
      goalBrought: true,
      paidSince: false,
      left: true,
      replied: true,
      counted: true,
    };
    h.render(<ConversationSummary data={data} />);
    expect(screen.getByText('已付款')).toBeTruthy();
    expect(
      screen.getByText(
        '买家来时已经下单并付款，这笔订单不是本次接待促成的；接待中买家离开了，所以成交结果为 0。',
      ),
    ).toBeTruthy();
    await act(() => setLanguage('en'));
    expect(
      screen.getByText(
        'The buyer came with the order already placed and paid: that order is not this reception’s doing; the buyer left during the reception, so the outcome is 0.',
      ),
    ).toBeTruthy();
  });

  it('says nothing about a brought order when the orders are the reception’s own', async () => {
    const h = await setup();
    h.render(<ConversationSummary data={reportFor('a', 62.5)} />);
    expect(document.querySelector('.outcome-reason')).toBeNull();
  });

  it('explains every violation in plain words and links it to its message', async () => {
    const h = await setup();
    h.render(<ConversationSummary data={reportFor('a', 62.5)} />);
    const items = within(screen.getByRole('region', { name: '问题清单' })).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(within(items[0]!).getByText('首响超时')).toBeTruthy();
    expect(
      within(items[0]!).getByText('首次响应用了 5 秒，超过 3 秒基准：买家进店要第一时间回应。'),
    ).toBeTruthy();
    expect(within(items[1]!).getByText('未引导下单')).toBeTruthy();
    // A violation about the whole conversation points at no single message.
    expect(within(items[1]!).queryByRole('button', { name: '查看对应消息' })).toBeNull();

    const transcript = screen.getByRole('region', { name: '对话记录' });
    const target = transcript.querySelector('[data-message-id="a-m1"]')!;
    expect(target.className).not.toContain('highlighted');
    await h.user.click(within(items[0]!).getByRole('button', { name: '查看对应消息' }));
    expect(target.className).toContain('highlighted');
    expect(scrolled).toEqual([target]);
    expect(transcript.querySelectorAll('.highlighted')).toHaveLength(1);
  });

  it('names products and facts in words instead of their ids', async () => {
    const h = await setup();
    h.stores.catalog.getState().setCatalog([JACKET], [PHRASES]);
    const data = reportFor('a', 40);
    data.report.violations = [
      {
        key: 'question-evaded|8000',
        rule: 'question-evaded',
        atSeconds: 8,
        message: '',
        detail: { ask: 'down-jacket.colour', messageId: 'a-m2' },
      },
    ];
    h.render(<ConversationSummary data={data} />);
    expect(
      screen.getByText('回避了买家的问题，没有正面给出答案：正确答案是「颜色：有货：黑色；缺货：红色」。'),
    ).toBeTruthy();
    expect(document.body.textContent).not.toContain('down-jacket');
  });

  it('puts the model answer beside the reply and gives the right facts', async () => {
    const h = await setup();
    h.stores.catalog.getState().setCatalog([JACKET], [PHRASES]);
    const data = reportFor('a', 40);
    data.report.violations = [
      {
        key: 'wrong-fact|5000',
        rule: 'wrong-fact',
        atSeconds: 5,
        message: '',
        detail: { fact: 'down-jacket.colour.红色', messageId: 'a-m1' },
      },
    ];
    data.advice = [
      {
        violation: 0,
        reply: '有的亲',
        model: ['亲，红色缺货了哦，黑色有现货~'],
        facts: ['down-jacket.colour.红色'],
      },
    ];
    h.render(<ConversationSummary data={data} />);
    const item = within(screen.getByRole('region', { name: '问题清单' })).getByRole('listitem');
    expect(within(item).getByText('回复与商品信息不符：正确的是「颜色 · 红色：缺货」。')).toBeTruthy();
    expect(within(item).getByRole('heading', { name: '你的回复' }).nextElementSibling?.textContent).toBe(
      '有的亲',
    );
    expect(within(item).getByRole('heading', { name: '参考回答' }).nextElementSibling?.textContent).toBe(
      '亲，红色缺货了哦，黑色有现货~',
    );
    expect(within(item).getByText('正确信息：颜色 · 红色：缺货')).toBeTruthy();
  });

  it('passes on the trainers’ comments, not the student’s own', async () => {
    const h = await setup();
    const data = reportFor('a', 70);
    const evaluation = {
      id: 'e1',
      studentId: 'u1',
      classId: 'c1',
      conversationId: 'a',
      authorId: 't1',
      authorName: '王老师',
      kind: 'teacher' as const,
      score: 75,
      comment: '首问要在 3 秒内回复',
      createdAt: T0,
    };
    data.evaluations = [evaluation, { ...evaluation, id: 'e2', kind: 'self', comment: '我自己的评价' }];
    h.render(<ConversationSummary data={data} />);
    const comments = screen.getByRole('region', { name: '老师的评语' });
    expect(within(comments).getByText('首问要在 3 秒内回复')).toBeTruthy();
    expect(within(comments).getByText('讲师 王老师')).toBeTruthy();
    expect(screen.queryByText('我自己的评价')).toBeNull();
  });

  it('shows an abandoned practice as 已放弃, with no score and no mistakes, only the transcript', async () => {
    const h = await setup();
    const data = reportFor('a', 12);
    data.report.abandoned = true;
    h.render(<ConversationSummary data={data} />);
    expect(screen.getByText('已放弃')).toBeTruthy();
    expect(screen.queryByRole('img', { name: /^得分/ })).toBeNull();
    expect(screen.queryByRole('region', { name: '问题清单' })).toBeNull();
    expect(screen.getByRole('region', { name: '对话记录' })).toBeTruthy();
  });

  it('writes a score the one way: 83.5 in the gauge and its label alike', async () => {
    const h = await setup();
    h.render(<ConversationSummary data={reportFor('a', 83.5)} />);
    const gauge = screen.getByRole('img', { name: '得分 83.5' });
    expect(gauge.textContent).toBe('83.5');
  });

  it('replays the transcript from the report’s events', async () => {
    const h = await setup();
    h.render(<ConversationSummary data={reportFor('a', 62.5)} />);
    const transcript = screen.getByRole('region', { name: '对话记录' });
    expect([...transcript.querySelectorAll('.bubble')].map((b) => b.textContent)).toEqual([
      '这件羽绒服有黑色吗？',
      '有的亲',
      '好的我考虑下',
      '好的亲',
    ]);
    expect(within(transcript).getByText('会话已结束', { exact: false })).toBeTruthy();
  });

  it('follows the UI language for labels and explanations', async () => {
    const h = await setup({ language: 'en' });
    h.render(<ConversationSummary data={reportFor('a', 62.5)} />);
    expect(
      screen.getByText('First response took 5 s, over the 3 s benchmark: greet a new shopper at once.'),
    ).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Mistakes' })).toBeTruthy();
  });
});

describe('Summary', () => {
  it('fetches each conversation’s report and shows an overall score', async () => {
    const asked: string[] = [];
    const http = apiFrom(async (_method: string, path: string) => {
      if (path === '/api/catalog') return { products: [], phrases: [] };
      asked.push(path);
      const id = path.split('/').at(-1)!;
      return reportFor(id, id === 'a' ? 60 : 90);
    });
    const h = await setup({ http });
    await act(async () => {
      h.render(<Summary conversationIds={['a', 'b']} />);
    });
    expect(asked).toEqual(['/api/reports/conversations/a', '/api/reports/conversations/b']);
    expect(await screen.findByRole('img', { name: '综合得分 75' })).toBeTruthy();
    expect(screen.getAllByRole('article')).toHaveLength(2);
  });

  it('shows the goals of reception over the practice: conversion, 客单价, 3-minute rate, returning kept', async () => {
    const http = apiFrom(async (_method: string, path: string) => {
      if (path === '/api/catalog') return { products: [], phrases: [] };
      const id = path.split('/').at(-1)!;
      const data = reportFor(id, 80);
      if (id === 'b') {
        Object.assign(data.report.metrics, {
          within3MinRate: 0.5,
          outcome: 'paid',
          orderAmount: 468,
          paidAmount: 468,
          crossSellAmount: 69,
          converted: true,
          returningKept: true,
        });
      }
      return data;
    });
    const h = await setup({ http });
    await act(async () => {
      h.render(<Summary conversationIds={['a', 'b']} />);
    });
    const goals = await screen.findByRole('region', { name: '接待目标' });
    const value = (label: string) =>
      within(goals).getByText(label, { selector: 'dt' }).nextElementSibling?.textContent;
    expect(value('询单转化率')).toBe('50% （询单 2 位）');
    expect(value('客单价')).toBe('¥468 （含关联推荐 ¥69）');
    expect(value('三分钟回复率')).toBe('75%');
    expect(value('回头客留存')).toBe('100%');
  });

  it('says why a report cannot be loaded, in the UI language, from the refusal’s code', async () => {
    const http = apiFrom(async (_method: string, path: string) => {
      if (path === '/api/catalog') return { products: [], phrases: [] };
      throw new HttpError(403, { code: 'report-not-ready', message: 'server words are not shown' });
    });
    const h = await setup({ http });
    await act(async () => {
      h.render(<Summary conversationIds={['a']} />);
    });
    expect((await screen.findByRole('alert')).textContent).toBe('对话结束后才能查看评分报告');
  });

  it('says the refusal in English in the English locale', async () => {
    const http = apiFrom(async (_method: string, path: string) => {
      if (path === '/api/catalog') return { products: [], phrases: [] };
      throw new HttpError(403, { code: 'report-not-ready', message: '对话结束后才能查看评分报告' });
    });
    const h = await setup({ http, language: 'en' });
    await act(async () => {
      h.render(<Summary conversationIds={['a']} />);
    });
    expect((await screen.findByRole('alert')).textContent).toBe(
      'The report is ready once the conversation has ended.',
    );
  });
});
