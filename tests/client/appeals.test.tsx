// 申诉 in the browser: on their report a student appeals a violation with one sentence (required, at most
// 200 characters) and then sees it pending or decided; violations overturned on appeal are shown apart with
// the judge's original verdict and the decision. Staff decide from a queue with a required note, and see per
// rule how often the judge was overturned — charted, and in words.

import type { Violation } from '@kefu/shared';
import type { AppealView, ConversationReportResponse } from '@kefu/shared/protocol';
import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { HttpError } from '../../client/src/api/http.ts';
import Appeals from '../../client/src/staff/appeals/Appeals.tsx';
import StaffApp, { APPEALS_POLL_MS } from '../../client/src/staff/StaffApp.tsx';
import { useSession } from '../../client/src/stores/index.ts';
import '../../client/src/staff/i18n/index.ts';
import { ConversationSummary } from '../../client/src/summary/ConversationSummary.tsx';
import { conversationView, setup, T0 } from './harness.tsx';
import { fakeHttp } from './staff/fake-http.ts';

const EVADED: Violation = {
  key: 'question-evaded|1700000008000|a-m1|a-b1',
  rule: 'question-evaded',
  atSeconds: 8,
  message: '回避了买家的问题，没有正面给出答案。',
  detail: { messageId: 'a-m1', questionId: 'a-b1' },
};
const RUDE: Violation = {
  key: 'rude-language|1700000020000|a-m2',
  rule: 'rude-language',
  atSeconds: 20,
  message: '回复里有不文明用语。',
  detail: { messageId: 'a-m2' },
};

function appealOf(v: Violation, over: Partial<AppealView> = {}): AppealView {
  return {
    id: `appeal-${v.rule}`,
    conversationId: 'a',
    classId: 'c1',
    className: '电商2401班',
    student: { id: 's1', displayName: '王芳' },
    scenarioTitle: '冰皮月饼的保质期和发货',
    violation: v,
    current: v,
    reply: '抱歉亲，新疆属于偏远地区，冷链暂时发不了哦~',
    reason: '我回答了新疆发不了',
    createdAt: T0,
    status: 'open',
    decision: null,
    ...over,
  };
}

function reportWith(violations: Violation[], overturned: Violation[], appeals: AppealView[]) {
  const data: ConversationReportResponse = {
    conversation: conversationView('a', { status: 'ended', endedAt: T0 + 60_000 }),
    report: {
      scenarioId: 'mooncake',
      scenarioVersion: 'v1',
      rubricId: 'default',
      rubricVersion: 1,
      seed: 1,
      abandoned: false,
      stopped: false,
      score: 80,
      dimensions: [],
      metrics: {
        firstResponseSeconds: 2,
        averageResponseSeconds: 5,
        maxResponseSeconds: 8,
        turns: 2,
        within3MinRate: 1,
        outcome: 'paid',
        orderAmount: 99,
        paidAmount: 99,
        crossSellAmount: 0,
        discountAmount: 0,
        inquired: true,
        converted: true,
        returningKept: null,
        remindersSent: 0,
        reminderSuccess: null,
        phraseUses: 0,
      },
      violations,
      overturned,
      outcomeReason: null,
    },
    events: [],
    advice: [],
    evaluations: [],
    appeals,
  };
  return data;
}

describe('a student appeals on their report', () => {
  it('asks for a sentence, sends it, and shows the appeal as pending', async () => {
    const http = fakeHttp({
      'POST /api/appeals': (body) => ({
        appeal: appealOf(EVADED, { reason: (body as { reason: string }).reason }),
      }),
    });
    const h = await setup({ http });
    h.render(<ConversationSummary data={reportWith([EVADED], [], [])} />);
    const item = within(screen.getByRole('region', { name: '问题清单' })).getAllByRole('listitem')[0]!;
    await h.user.click(within(item).getByRole('button', { name: '申诉' }));
    const reason = within(item).getByLabelText('用一句话说明你为什么认为这条判错了');
    expect(reason.getAttribute('maxlength')).toBe('200');
    await h.user.click(within(item).getByRole('button', { name: '提交申诉' }));
    expect(within(item).getByRole('alert').textContent).toContain('请先写一句理由');
    expect(http.calls).toEqual([]);

    await h.user.type(reason, '我回答了新疆发不了');
    await h.user.click(within(item).getByRole('button', { name: '提交申诉' }));
    expect(http.calls).toEqual([
      {
        method: 'POST',
        path: '/api/appeals',
        body: { conversationId: 'a', violationKey: EVADED.key, reason: '我回答了新疆发不了' },
      },
    ]);
    expect(await within(item).findByText('申诉中 · 等老师处理')).toBeTruthy();
    expect(within(item).queryByRole('button', { name: '申诉' })).toBeNull();
  });

  it('says what went wrong when the server refuses', async () => {
    const http = fakeHttp({
      'POST /api/appeals': () => {
        throw new HttpError(409, { code: 'appeal-exists', message: '' });
      },
    });
    const h = await setup({ http });
    h.render(<ConversationSummary data={reportWith([EVADED], [], [])} />);
    await h.user.click(screen.getByRole('button', { name: '申诉' }));
    await h.user.type(screen.getByLabelText('用一句话说明你为什么认为这条判错了'), '再来一次');
    await h.user.click(screen.getByRole('button', { name: '提交申诉' }));
    expect((await screen.findByRole('alert')).textContent).toBe('这条违规已经申诉过了，请等老师处理');
  });

  it('shows an upheld decision under the violation, and an overturned one apart with the original verdict', async () => {
    const h = await setup();
    const upheld = appealOf(RUDE, {
      status: 'upheld',
      decision: { by: { id: 't1', displayName: '李老师' }, at: T0, note: '“爱买不买”是不礼貌的' },
    });
    const overturned = appealOf(EVADED, {
      status: 'overturned',
      decision: { by: { id: 't1', displayName: '李老师' }, at: T0, note: '说了发不了，算回答' },
    });
    h.render(<ConversationSummary data={reportWith([RUDE], [EVADED], [upheld, overturned])} />);
    const counted = within(screen.getByRole('region', { name: '问题清单' })).getAllByRole('listitem')[0]!;
    expect(within(counted).getByText('申诉未通过 · 维持原判')).toBeTruthy();
    expect(within(counted).getByText(/“爱买不买”是不礼貌的/)).toBeTruthy();
    const apart = screen.getByRole('region', { name: '申诉后撤销的问题' });
    expect(within(apart).getByText('老师认定评判有误，这些问题已不计入得分。')).toBeTruthy();
    const item = within(apart).getByRole('listitem');
    expect(item.querySelector('s')?.textContent).toContain('回避了买家的问题');
    expect(within(item).getByText('申诉通过 · 已撤销')).toBeTruthy();
    expect(within(item).getByText(/李老师 于 .* 裁定：说了发不了，算回答/)).toBeTruthy();
  });

  it('finds a decision made before a re-score renamed the violation by the key the server gives it now', async () => {
    const h = await setup();
    const gaveUp: Violation = {
      key: 'buyer-gave-up|1700000095000|a-m1|a-b1',
      rule: 'buyer-gave-up',
      atSeconds: 95,
      message: '买家的消息都有回复，但问题一直没有得到正面回答，买家放弃离开了（顾客流失）。',
      detail: { waitingFor: 'answers', messageId: 'a-m1', questionId: 'a-b1' },
    };
    const leftThen: Violation = {
      key: 'buyer-left|1700000095000',
      rule: 'buyer-left',
      atSeconds: 95,
      message: '买家等不及回复，离开了（顾客流失）。',
      detail: { reason: 'patience' },
    };
    const upheld = appealOf(leftThen, {
      status: 'upheld',
      reportKey: gaveUp.key,
      decision: { by: { id: 't1', displayName: '李老师' }, at: T0, note: '问题确实没回答' },
    });
    h.render(<ConversationSummary data={reportWith([gaveUp], [], [upheld])} />);
    const counted = within(screen.getByRole('region', { name: '问题清单' })).getAllByRole('listitem')[0]!;
    expect(within(counted).getByText('申诉未通过 · 维持原判')).toBeTruthy();
    expect(within(counted).queryByRole('button', { name: '申诉' })).toBeNull();
  });
});

describe('staff decide appeals', () => {
  function server(appeals: AppealView[]) {
    return fakeHttp({
      'GET /api/classes': () => ({ classes: [] }),
      'GET /api/appeals': () => ({ appeals }),
      'GET /api/appeals/stats': () => ({
        rules: [
          { rule: 'question-evaded', appealed: 3, open: 1, upheld: 1, overturned: 1 },
          { rule: 'rude-language', appealed: 1, open: 1, upheld: 0, overturned: 0 },
        ],
      }),
      'POST /api/appeals/appeal-question-evaded/decision': (body) => {
        const { verdict, note } = body as { verdict: 'upheld' | 'overturned'; note: string };
        appeals[0] = {
          ...appeals[0]!,
          status: verdict,
          decision: { by: { id: 't1', displayName: '李老师' }, at: T0, note },
        };
        return { appeal: appeals[0] };
      },
    });
  }

  it('shows the reply, the verdict and the reason; overturning needs a note', async () => {
    const http = server([appealOf(EVADED)]);
    const h = await setup({ http });
    h.render(<Appeals />);
    const card = (await screen.findByText('王芳')).closest('li')!;
    expect(within(card).getByText(/抱歉亲，新疆属于偏远地区/)).toBeTruthy();
    expect(within(card).getByText(/原判：回避了买家的问题/)).toBeTruthy();
    expect(within(card).getByText(/申诉理由：我回答了新疆发不了/)).toBeTruthy();

    await h.user.click(within(card).getByRole('button', { name: '撤销违规（判错了）' }));
    expect(within(card).getByRole('alert').textContent).toContain('请先写下裁定理由');
    expect(http.calls.some((c) => c.method === 'POST')).toBe(false);

    await h.user.type(within(card).getByLabelText('裁定理由（学员能看到）'), '说了发不了，算回答');
    await h.user.click(within(card).getByRole('button', { name: '撤销违规（判错了）' }));
    expect(http.calls.filter((c) => c.method === 'POST')).toEqual([
      {
        method: 'POST',
        path: '/api/appeals/appeal-question-evaded/decision',
        body: { verdict: 'overturned', note: '说了发不了，算回答' },
      },
    ]);
    // Decided, it leaves the open queue.
    await waitFor(() => expect(screen.getByText('没有待处理的申诉。')).toBeTruthy());
    await h.user.selectOptions(screen.getByLabelText('显示'), '已裁定');
    expect(await screen.findByText(/李老师 于 .* 裁定/)).toBeTruthy();
  });

  it('shows an appeal under the rule its violation has now, and says what it was appealed as', async () => {
    const left: Violation = {
      key: 'buyer-left|1700000090000',
      rule: 'buyer-left',
      atSeconds: 90,
      message: '买家等不及回复，离开了（顾客流失）。',
      detail: { reason: 'patience' },
    };
    const gaveUp: Violation = {
      key: 'buyer-gave-up|1700000090000|a-m2|a-b1',
      rule: 'buyer-gave-up',
      atSeconds: 90,
      message:
        '买家的消息都有回复，但买家的问题一直没有得到正面回答，买家放弃离开了（顾客流失）：正面回答买家问的每个问题。',
      detail: { messageId: 'a-m2', waitingFor: 'answers' },
    };
    const h = await setup({ http: server([appealOf(left, { current: gaveUp })]) });
    h.render(<Appeals />);
    const card = (await screen.findByText('王芳')).closest('li')!;
    expect(card.querySelector('.tag')?.textContent).toBe('未解决致流失');
    expect(within(card).getByText(/原判：买家的消息都有回复/)).toBeTruthy();
    expect(within(card).getByText('申诉时归为「未回复致流失」，重新评分后归入这一类并按它统计')).toBeTruthy();
  });

  it('says per rule how often the judge was overturned, in words beside the chart', async () => {
    const h = await setup({ http: server([]) });
    h.render(<Appeals />);
    const rates = await screen.findByRole('region', { name: '评判被推翻的情况' });
    expect(rates.querySelector('.appeal-rates-words')?.textContent).toBe(
      '回避问题：裁定 2 条，撤销 1 条（50%）',
    );
    const rows = within(rates)
      .getAllByRole('row')
      .slice(1)
      .map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent));
    expect(rows).toEqual([
      ['回避问题', '3', '1', '1', '1', '50%'],
      ['不文明用语', '1', '1', '0', '0', '—'],
    ]);
    expect(screen.getByRole('link', { name: '下载裁定语料（YAML）' }).getAttribute('href')).toBe(
      '/api/appeals/corpus.yaml',
    );
  });
});

/** What a screen reader says after a button's name (its aria-describedby text). */
const described = (el: HTMLElement) =>
  (el.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => (id ? (document.getElementById(id)?.textContent ?? '') : ''))
    .join(' ');

/** The staff pages at the path the session is on, as the app shows them. */
function RoutedStaffApp() {
  const screen = useSession((s) => s.screen);
  return <StaffApp path={screen.name === 'staff' ? screen.path : ''} onLogout={() => undefined} />;
}

describe('the staff bar counts the open appeals', () => {
  it('beside 申诉: again after each decision and on each page change, none when nothing waits', async () => {
    const appeals = [appealOf(EVADED)];
    /** Open appeals as the server counts them (a student may file one meanwhile). */
    let open = 1;
    const http = fakeHttp({
      'GET /api/appeals/open-count': () => ({ open }),
      'GET /api/classes': () => ({ classes: [] }),
      'GET /api/appeals': () => ({ appeals }),
      'GET /api/appeals/stats': () => ({ rules: [] }),
      'POST /api/appeals/appeal-question-evaded/decision': (body) => {
        const { verdict, note } = body as { verdict: 'upheld' | 'overturned'; note: string };
        appeals[0] = {
          ...appeals[0]!,
          status: verdict,
          decision: { by: { id: 't1', displayName: '李老师' }, at: T0, note },
        };
        open = 0;
        return { appeal: appeals[0] };
      },
    });
    const h = await setup({ http });
    h.stores.session.getState().setUser({
      id: 't1',
      username: 'teacher',
      displayName: '李老师',
      role: 'trainer',
      mustChangePassword: false,
    });
    h.stores.session.getState().go({ name: 'staff', path: 'appeals' });
    h.render(<RoutedStaffApp />);
    const nav = screen.getByRole('navigation', { name: '教师导航' });
    const button = within(nav).getByRole('button', { name: '申诉' });
    await waitFor(() => expect(button.querySelector('.badge')?.textContent).toBe('1'));
    expect(described(button)).toBe('1 条申诉待裁定');
    // The count is the description only: the button is still named 申诉, exactly.
    expect(within(nav).getByRole('button', { name: '申诉' })).toBe(button);

    const card = (await screen.findByText('王芳')).closest('li')!;
    await h.user.type(within(card).getByLabelText('裁定理由（学员能看到）'), '说了发不了，算回答');
    await h.user.click(within(card).getByRole('button', { name: '撤销违规（判错了）' }));
    // Decided here: counted again at once, and nothing waits any more.
    await waitFor(() => expect(button.textContent).toBe('申诉'));
    expect(described(button)).toBe('');

    // A student files one meanwhile: the next page the teacher opens shows it.
    open = 3;
    const counts = () => http.calls.filter((c) => c.path === '/api/appeals/open-count').length;
    const before = counts();
    await h.user.click(within(nav).getByRole('button', { name: '班级' }));
    expect(h.stores.session.getState().screen).toEqual({ name: 'staff', path: '' });
    await waitFor(() => expect(button.querySelector('.badge')?.textContent).toBe('3'));
    expect(described(button)).toBe('3 条申诉待裁定');
    expect(counts()).toBe(before + 1);
  });

  it('counts again while the teacher stays on one page, and on coming back to the tab', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      let open = 0;
      const http = fakeHttp({
        'GET /api/appeals/open-count': () => ({ open }),
        'GET /api/classes': () => ({ classes: [] }),
      });
      const h = await setup({ http });
      h.stores.session.getState().setUser({
        id: 't1',
        username: 'teacher',
        displayName: '李老师',
        role: 'instructor',
        mustChangePassword: false,
      });
      h.stores.session.getState().go({ name: 'staff', path: '' });
      h.render(<RoutedStaffApp />);
      const button = within(screen.getByRole('navigation', { name: '教师导航' })).getByRole('button', {
        name: '申诉',
      });
      await waitFor(() => expect(button.textContent).toBe('申诉'));
      // A student files two meanwhile: the badge shows them without the teacher navigating.
      open = 2;
      await act(async () => {
        await vi.advanceTimersByTimeAsync(APPEALS_POLL_MS + 100);
      });
      await waitFor(() => expect(button.querySelector('.badge')?.textContent).toBe('2'));
      // Back to the tab after a decision elsewhere: counted at once.
      open = 1;
      await act(async () => {
        document.dispatchEvent(new Event('visibilitychange'));
      });
      await waitFor(() => expect(button.querySelector('.badge')?.textContent).toBe('1'));
    } finally {
      vi.useRealTimers();
    }
  });

  it('is not asked for by a student reaching a staff page', async () => {
    const http = fakeHttp({});
    const h = await setup({ http });
    h.stores.session.getState().setUser({
      id: 's1',
      username: 'stu',
      displayName: '小王',
      role: 'student',
      mustChangePassword: false,
    });
    await act(async () => {
      h.render(<StaffApp path="appeals" onLogout={() => undefined} />);
    });
    expect(http.calls).toEqual([]);
  });
});
