// The rubric editor: the preview asks the server to score the class's recent conversations with the draft
// rubric (the body a save would send) and follows the form once shown, one request per pause in typing; bad
// values are refused before anything is sent, and saving creates the rubric and points the class at it.
import type { RubricPreviewResponse, SaveRubricBody } from '@kefu/shared/protocol';
import { RubricSchema } from '@kefu/shared/scenario/schema';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { HttpError } from '../../../client/src/api/http.ts';
import RubricEditor from '../../../client/src/staff/studio/RubricEditor.tsx';
import '../../../client/src/staff/i18n/index.ts';
import { setup } from '../harness.tsx';
import { fakeHttp, type Handler } from './fake-http.ts';

const PREVIEW = 'POST /api/reports/classes/c1/rubric-preview';

/** The class's rubric as the class detail carries it (scenarios/rubrics/default.yaml's weights). */
const DEFAULT_RUBRIC = RubricSchema.parse({
  id: 'default',
  name: '默认评分标准',
  weights: { responsiveness: 30, accuracy: 25, phraseUse: 10, salesActions: 15, courtesy: 10, outcome: 10 },
});

/** The server's answer, scripted: a first-response benchmark under 3 s costs 张三 7.5 points. */
const scoredPreview: Handler = (body): RubricPreviewResponse => {
  const after = (body as SaveRubricBody).thresholds.firstResponseSeconds! < 3 ? 92.5 : 100;
  return {
    rows: [
      {
        student: { id: 's1', displayName: '张三' },
        conversations: 1,
        before: 100,
        after,
        delta: after - 100,
      },
    ],
  };
};

function server(preview: Handler = scoredPreview) {
  return fakeHttp({
    'GET /api/classes/c1': () => ({
      class: {
        id: 'c1',
        name: '电商2401班',
        rubricId: 'default',
        gradeWeights: { system: 60, teacher: 20, mentor: 10, self: 10 },
      },
      members: [{ userId: 's1', username: 'zs', displayName: '张三', role: 'student', joinedAt: 0 }],
      rubric: DEFAULT_RUBRIC,
    }),
    [PREVIEW]: preview,
    'POST /api/studio/rubrics': () => ({ rubricId: 'r-0123456789ab', created: true }),
    'PATCH /api/classes/c1': () => ({ class: {} }),
  });
}

const cellsOf = (row: HTMLElement) =>
  within(row)
    .getAllByRole('cell')
    .map((c) => c.textContent);

describe('rubric editor', () => {
  it('starts from the class rubric with the 3 s / 30 s benchmarks', async () => {
    const { render } = await setup({ http: server() });
    render(<RubricEditor classId="c1" />);
    expect(((await screen.findByLabelText('首次响应基准（秒）')) as HTMLInputElement).value).toBe('3');
    expect((screen.getByLabelText('回复基准（秒）') as HTMLInputElement).value).toBe('30');
    expect((screen.getByLabelText('响应速度') as HTMLInputElement).value).toBe('30');
  });

  it('previews on the server with the draft, then follows the form', async () => {
    const http = server();
    const { render, user } = await setup({ http });
    render(<RubricEditor classId="c1" />);
    const first = await screen.findByLabelText('首次响应基准（秒）');
    await user.clear(first);
    await user.type(first, '1');
    // Nothing is asked before 重新计算.
    expect(http.calls.filter((c) => c.method === 'POST')).toEqual([]);
    await user.click(screen.getByRole('button', { name: '重新计算' }));
    const table = await screen.findByRole('table', { name: /预览/ });
    expect(cellsOf(within(table).getByRole('row', { name: /张三/ }))).toEqual(['1', '100', '92.5', '-7.5']);
    const asked = http.calls.filter((c) => `${c.method} ${c.path}` === PREVIEW);
    expect(asked).toHaveLength(1);
    // The same body a save would send: the class rubric with the edited benchmark.
    expect(asked[0]!.body).toMatchObject({
      basedOn: 'default',
      thresholds: { firstResponseSeconds: 1, responseSeconds: 30 },
    });
    expect(Object.keys((asked[0]!.body as SaveRubricBody).weights)).toHaveLength(6);
    // No student's reports or logs are loaded in the page any more.
    expect(http.calls.some((c) => c.path.startsWith('/api/reports/students'))).toBe(false);
    expect(http.calls.some((c) => c.path.startsWith('/api/reports/conversations'))).toBe(false);

    // Back to the defaults: the preview follows with one more request, and nothing changes.
    await user.click(screen.getByRole('button', { name: '恢复默认（3 秒 / 30 秒）' }));
    await screen.findByRole('cell', { name: '0' });
    const again = within(screen.getByRole('table', { name: /预览/ })).getByRole('row', { name: /张三/ });
    expect(cellsOf(again)).toEqual(['1', '100', '100', '0']);
    const more = http.calls.filter((c) => `${c.method} ${c.path}` === PREVIEW);
    expect(more).toHaveLength(2);
    expect(more[1]!.body).toMatchObject({ thresholds: { firstResponseSeconds: 3, responseSeconds: 30 } });
  });

  it("shows the server's refusal of the draft", async () => {
    const http = server(() => {
      throw new HttpError(400, { code: 'rubric-weights-zero', params: {}, message: '' });
    });
    const { render, user } = await setup({ http });
    render(<RubricEditor classId="c1" />);
    await user.click(await screen.findByRole('button', { name: '重新计算' }));
    expect((await screen.findByRole('alert')).textContent).toContain('维度权重不能全为 0');
    expect(screen.queryByRole('table', { name: /预览/ })).toBeNull();
  });

  it('refuses negative or all-zero weights before sending anything', async () => {
    const http = server();
    const { render, user } = await setup({ http });
    render(<RubricEditor classId="c1" />);
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
    render(<RubricEditor classId="c1" />);
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
