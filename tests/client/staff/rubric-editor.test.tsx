// The rubric editor: the preview re-scores the last 7 days' conversations with the draft rubric (the same
// pure scoring as the server), bad values are refused before anything is sent, and saving creates the
// rubric and points the class at it.
import { loadLibrary, playScript } from '@kefu/shared';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import RubricEditor from '../../../client/src/staff/studio/RubricEditor.tsx';
import { readLibrary } from '../../../server/src/cli/read-library.ts';
import '../../../client/src/staff/i18n/index.ts';
import { setup } from '../harness.tsx';
import { fakeHttp } from './fake-http.ts';
import { STUDIO_FILES } from './studio-fixture.ts';

const FILES = readLibrary('scenarios');
const { library } = loadLibrary(FILES);
const NOW = Date.UTC(2026, 10, 25, 2, 0, 0);
const DAY = 24 * 60 * 60 * 1000;
const scenario = library.buyers.get('price-objection')!;
const played = playScript(library, 'price-objection', scenario.modelAnswer, { seed: 1, start: NOW - DAY });
const old = playScript(library, 'price-objection', scenario.counterExamples[0]!.script, {
  seed: 1,
  start: NOW - 8 * DAY,
});

function server() {
  return fakeHttp({
    'GET /api/classes/c1': () => ({
      class: {
        id: 'c1',
        name: '电商2401班',
        rubricId: 'default',
        gradeWeights: { system: 60, teacher: 20, mentor: 10, self: 10 },
      },
      members: [{ userId: 's1', username: 'zs', displayName: '张三', role: 'student', joinedAt: 0 }],
    }),
    'GET /api/studio/files': () => STUDIO_FILES,
    'GET /api/reports/students/s1?classId=c1': () => ({
      conversations: [
        {
          conversationId: 'k1',
          scenarioId: 'price-objection',
          drillId: null,
          startedAt: NOW - DAY,
          status: 'ended',
          score: played.report.score,
          outcome: 'paid',
          violations: 0,
        },
        {
          conversationId: 'k2',
          scenarioId: 'price-objection',
          drillId: null,
          startedAt: NOW - 8 * DAY,
          status: 'ended',
          score: old.report.score,
          outcome: 'paid',
          violations: 1,
        },
      ],
    }),
    'GET /api/reports/conversations/k1': () => ({
      report: played.report,
      events: played.events.map((event, i) => ({ seq: i + 1, event })),
    }),
    'GET /api/reports/conversations/k2': () => ({
      report: old.report,
      events: old.events.map((event, i) => ({ seq: i + 1, event })),
    }),
    'POST /api/studio/rubrics': () => ({ rubricId: 'r-0123456789ab', created: true }),
    'PATCH /api/classes/c1': () => ({ class: {} }),
  });
}

describe('rubric editor', () => {
  it('starts from the class rubric with the 3 s / 30 s benchmarks', async () => {
    const { render } = await setup({ http: server() });
    render(<RubricEditor classId="c1" now={() => NOW} />);
    expect(((await screen.findByLabelText('首次响应基准（秒）')) as HTMLInputElement).value).toBe('3');
    expect((screen.getByLabelText('回复基准（秒）') as HTMLInputElement).value).toBe('30');
    expect((screen.getByLabelText('响应速度') as HTMLInputElement).value).toBe('30');
  });

  it("previews last week's reports under a stricter first-response benchmark", async () => {
    const http = server();
    const { render, user } = await setup({ http });
    render(<RubricEditor classId="c1" now={() => NOW} />);
    const first = await screen.findByLabelText('首次响应基准（秒）');
    expect(played.report.score).toBe(100);
    await user.clear(first);
    await user.type(first, '1');
    await user.click(screen.getByRole('button', { name: '重新计算' }));
    const table = await screen.findByRole('table', { name: /预览/ });
    const row = within(table).getByRole('row', { name: /张三/ });
    const cells = within(row)
      .getAllByRole('cell')
      .map((c) => c.textContent);
    // one conversation in the last 7 days (the 8-day-old one is left out), 100 before, lower after
    expect(cells[0]).toBe('1');
    expect(cells[1]).toBe('100');
    expect(Number(cells[2])).toBeLessThan(100);
    expect(cells[3]).toMatch(/^-\d/);
    expect(http.calls.some((c) => c.path === '/api/reports/conversations/k2')).toBe(false);

    // Back to the defaults: the preview follows at once and nothing changes.
    await user.click(screen.getByRole('button', { name: '恢复默认（3 秒 / 30 秒）' }));
    const again = within(screen.getByRole('table', { name: /预览/ })).getByRole('row', { name: /张三/ });
    expect(
      within(again)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['1', '100', '100', '0']);
  });

  it('refuses negative or all-zero weights before sending anything', async () => {
    const http = server();
    const { render, user } = await setup({ http });
    render(<RubricEditor classId="c1" now={() => NOW} />);
    const weight = await screen.findByLabelText('响应速度');
    await user.clear(weight);
    await user.type(weight, '-5');
    expect(screen.getByRole('alert').textContent).toContain('权重在 0–100 之间');
    expect(screen.getByRole('button', { name: '保存并用于本班' }).hasAttribute('disabled')).toBe(true);
    expect(http.calls.filter((c) => c.method !== 'GET')).toEqual([]);
  });

  it('saves the rubric and makes the class use it', async () => {
    const http = server();
    const { render, user } = await setup({ http });
    render(<RubricEditor classId="c1" now={() => NOW} />);
    const resp = await screen.findByLabelText('回复基准（秒）');
    await user.clear(resp);
    await user.type(resp, '20');
    await user.click(screen.getByRole('button', { name: '保存并用于本班' }));
    const status = (await screen.findByRole('status')).textContent;
    expect(status).toBe('已保存为本班的评分标准，本班之后的对话按它评分。');
    // The saved rubric's id is internal: the page never shows it.
    expect(document.body.textContent).not.toContain('r-0123456789ab');
    const posts = http.calls.filter((c) => c.method !== 'GET');
    expect(posts.map((c) => `${c.method} ${c.path}`)).toEqual([
      'POST /api/studio/rubrics',
      'PATCH /api/classes/c1',
    ]);
    expect(posts[0]!.body).toMatchObject({
      basedOn: 'default',
      thresholds: { firstResponseSeconds: 3, responseSeconds: 20 },
    });
    expect(posts[1]!.body).toEqual({ rubricId: 'r-0123456789ab' });
  });
});
