// 草稿 / 发布 in the studio page: a scenario's state in the library list and over the editor, 发布 of the
// saved draft to every class or one (what the server answers shown as it says it), what a draft changes
// against the published version, and 复制后编辑 for a shipped scenario or someone else's.
import { readFileSync } from 'node:fs';
import type { StudioFilesResponse, StudioScenario, UserView } from '@kefu/shared/protocol';
import { contentHash } from '@kefu/shared/scenario';
import { screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { HttpError } from '../../../client/src/api/http.ts';
import Studio from '../../../client/src/staff/studio/Studio.tsx';
import '../../../client/src/staff/i18n/index.ts';
import { polyfillDialog, setup } from '../harness.tsx';
import { fakeHttp } from './fake-http.ts';
import { STUDIO_FILES } from './studio-fixture.ts';

const TEACHER: UserView = {
  id: 't1',
  username: 'teacher',
  displayName: '王老师',
  role: 'instructor',
  mustChangePassword: false,
};
const PRICE = readFileSync('scenarios/buyers/price-objection.yaml', 'utf8');
const own = (id: string, title: string) =>
  PRICE.replace('id: price-objection', `id: ${id}`).replace('title: 嫌贵砍价', `title: ${title}`);
const DRAFT = own('my-haggle', '我的砍价');
const SALE_PUBLISHED = own('my-sale', '大促');
const SALE_DRAFT = own('my-sale', '大促（改）');
const THEIRS = own('their-one', '李老师的场景');
const CLASSES = [
  { id: 'c1', name: '电商一班', ownerId: 't1' },
  { id: 'c9', name: '别人的班', ownerId: 'someone-else' },
];

const SETTLE = { timeout: 10_000 };
const base = STUDIO_FILES.scenarios.find((s) => s.id === 'price-objection') as StudioScenario;

function entry(id: string, title: string, text: string, more: Partial<StudioScenario>): StudioScenario {
  return {
    ...base,
    id,
    title,
    version: contentHash(text),
    path: `studio/buyers/${id}.yaml`,
    origin: 'studio',
    status: 'draft',
    publication: null,
    draftVersion: contentHash(text),
    owner: { id: 't1', displayName: '王老师' },
    editable: true,
    copiedFrom: null,
    publishedText: null,
    ...more,
  };
}

const file = (id: string, text: string) => ({
  path: `studio/buyers/${id}.yaml`,
  text,
  origin: 'studio' as const,
  version: contentHash(text),
});

function library(extra: {
  files: ReturnType<typeof file>[];
  scenarios: StudioScenario[];
}): StudioFilesResponse {
  return {
    ...STUDIO_FILES,
    files: [...STUDIO_FILES.files, ...extra.files],
    scenarios: [...extra.scenarios, ...STUDIO_FILES.scenarios],
  };
}

const LIBRARY = library({
  files: [file('my-haggle', DRAFT), file('my-sale', SALE_DRAFT), file('their-one', THEIRS)],
  scenarios: [
    entry('my-haggle', '我的砍价', DRAFT, { copiedFrom: { id: 'price-objection', title: '嫌贵砍价' } }),
    entry('my-sale', '大促（改）', SALE_DRAFT, {
      status: 'published',
      publication: { version: contentHash(SALE_PUBLISHED), classId: null, className: null, publishedAt: 1 },
      publishedText: SALE_PUBLISHED,
    }),
    entry('their-one', '李老师的场景', THEIRS, {
      status: 'published',
      publication: { version: contentHash(THEIRS), classId: 'c2', className: '电商二班', publishedAt: 1 },
      draftVersion: null,
      owner: { id: 't2', displayName: '李老师' },
      editable: false,
    }),
  ],
});

function listButton(name: RegExp) {
  const list = document.querySelector<HTMLElement>('aside ul.studio-list');
  if (!list) throw new Error('no scenario list');
  return within(list).getByRole('button', { name });
}

function publishBar() {
  const bar = document.querySelector<HTMLElement>('section[aria-label="草稿与发布"]');
  if (!bar) throw new Error('no publish bar');
  return within(bar);
}

async function studio(routes: Parameters<typeof fakeHttp>[0]) {
  const http = fakeHttp({
    'GET /api/studio/files': () => LIBRARY,
    'GET /api/classes': () => ({ classes: CLASSES }),
    ...routes,
  });
  const h = await setup({ http });
  h.stores.session.getState().setUser(TEACHER);
  h.render(<Studio />);
  await screen.findByText('我的砍价');
  return { ...h, http };
}

describe('the studio’s library list', () => {
  it('marks each scenario 内置, 草稿 or 已发布 with where, and 有修改 when the draft differs', async () => {
    await studio({});
    expect(listButton(/我的砍价/).textContent).toContain('草稿');
    expect(listButton(/大促（改）/).textContent).toMatch(/已发布 · 全部班级.*有修改/);
    expect(listButton(/李老师的场景/).textContent).toContain('已发布 · 电商二班');
    expect(listButton(/^嫌贵砍价/).textContent).toContain('内置');
  }, 30_000);
});

describe('发布', () => {
  it('publishes the saved draft to the class chosen, the version the server proves', async () => {
    const { user, http } = await studio({
      'POST /api/studio/scenarios/my-haggle/publish': (body) => ({
        scenarioId: 'my-haggle',
        publication: {
          version: (body as { version: string }).version,
          classId: 'c1',
          className: '电商一班',
          publishedAt: 2,
        },
      }),
    });
    await user.click(listButton(/我的砍价/));
    await waitFor(() => expect(publishBar().getByText('草稿')).toBeTruthy(), SETTLE);
    expect(publishBar().getByText('复制自“嫌贵砍价”')).toBeTruthy();
    // Only one's own classes are offered.
    const select = publishBar().getByLabelText('发布到') as HTMLSelectElement;
    expect([...select.options].map((o) => o.textContent)).toEqual(['全部班级', '电商一班']);
    await user.selectOptions(select, 'c1');
    await user.click(publishBar().getByRole('button', { name: '发布' }));
    await publishBar().findByText(/已发布到电商一班：学员和新演练从现在起使用这个版本/);
    const call = http.calls.find((c) => c.method === 'POST');
    expect(call).toMatchObject({
      path: '/api/studio/scenarios/my-haggle/publish',
      body: { version: contentHash(DRAFT), classId: 'c1' },
    });
  }, 30_000);

  it('shows the server’s refusal when the proof fails, in its words', async () => {
    const { user } = await studio({
      'POST /api/studio/scenarios/my-haggle/publish': () => {
        throw new HttpError(409, {
          code: 'scenario-proof-failed',
          params: { count: 3, problems: '反例「一口气让利 50 元」不符' },
          message:
            '这个版本没有通过验证（3 项不符），没有发布：反例「一口气让利 50 元」不符。请在工作室点「证明」查看，修改并保存后再发布',
        });
      },
    });
    await user.click(listButton(/我的砍价/));
    await waitFor(() => expect(publishBar().getByRole('button', { name: '发布' })).toBeTruthy(), SETTLE);
    await user.click(publishBar().getByRole('button', { name: '发布' }));
    const alert = await publishBar().findByRole('alert');
    expect(alert.textContent).toMatch(/没有通过验证.*一口气让利 50 元.*修改并保存后再发布/);
  }, 30_000);

  it('waits for unsaved edits to be saved first', async () => {
    const { user, stores } = await studio({});
    await user.click(listButton(/我的砍价/));
    await waitFor(() => expect(publishBar().getByText('草稿')).toBeTruthy(), SETTLE);
    stores.studio.getState().edit(DRAFT.replace('title: 我的砍价', 'title: 我的砍价2'));
    await publishBar().findByText('先保存草稿，再发布。');
    expect(publishBar().getByRole('button', { name: '发布' }).hasAttribute('disabled')).toBe(true);
  }, 30_000);

  it('shows a published scenario’s state and what its draft changes', async () => {
    const { user } = await studio({});
    await user.click(listButton(/大促（改）/));
    await waitFor(() => expect(publishBar().getByText('已发布 · 全部班级')).toBeTruthy(), SETTLE);
    expect(publishBar().getByText('草稿有未发布的修改')).toBeTruthy();
    const diff = publishBar().getByRole('list', { name: '与已发布版本的不同（2 行）' });
    const lines = [...diff.querySelectorAll('li')].map((li) => li.textContent);
    expect(lines).toEqual(['已发布 3 title: 大促', '草稿 3 title: 大促（改）']);
  }, 30_000);
});

describe('复制后编辑', () => {
  it('offers a copy of someone else’s scenario instead of saving over it', async () => {
    const { user } = await studio({});
    await user.click(listButton(/李老师的场景/));
    await waitFor(() => expect(publishBar().getByText(/这是李老师的场景，只读/)).toBeTruthy(), SETTLE);
    expect(publishBar().queryByRole('button', { name: '发布' })).toBeNull();
    expect(screen.queryByRole('button', { name: '保存草稿' })).toBeNull();
  }, 30_000);

  it('copies a shipped scenario and opens the copy, the author’s own draft', async () => {
    const COPY = own('price-objection-copy', '嫌贵砍价（副本）');
    let copied = false;
    const { user, http } = await studio({
      'GET /api/studio/files': () =>
        copied
          ? library({
              files: [file('price-objection-copy', COPY)],
              scenarios: [entry('price-objection-copy', '嫌贵砍价（副本）', COPY, {})],
            })
          : LIBRARY,
      'POST /api/studio/scenarios/price-objection/copy': () => {
        copied = true;
        return {
          scenarioId: 'price-objection-copy',
          version: contentHash(COPY),
          path: 'studio/buyers/price-objection-copy.yaml',
          created: true,
          title: '嫌贵砍价（副本）',
        };
      },
    });
    await user.click(listButton(/^嫌贵砍价/));
    await waitFor(() => expect(publishBar().getByText('内置 · 只读')).toBeTruthy(), SETTLE);
    await user.click(publishBar().getByRole('button', { name: '复制后编辑' }));
    await waitFor(
      () => expect(document.querySelector('.cm-content')?.textContent).toContain('title: 嫌贵砍价（副本）'),
      SETTLE,
    );
    await waitFor(() => expect(publishBar().getByText('草稿')).toBeTruthy(), SETTLE);
    expect(screen.getByRole('button', { name: '保存草稿' })).toBeTruthy();
    expect(http.calls.filter((c) => c.method === 'POST').map((c) => c.path)).toEqual([
      '/api/studio/scenarios/price-objection/copy',
    ]);
  }, 30_000);
});

describe('删除', () => {
  beforeAll(polyfillDialog);

  it('deletes one’s own scenario after a confirmation, and the library no longer lists it', async () => {
    let deleted = false;
    const { user, http } = await studio({
      'GET /api/studio/files': () =>
        deleted
          ? library({
              files: [file('my-sale', SALE_DRAFT), file('their-one', THEIRS)],
              scenarios: LIBRARY.scenarios.filter((s) => s.id !== 'my-haggle'),
            })
          : LIBRARY,
      'DELETE /api/studio/scenarios/my-haggle': () => {
        deleted = true;
        return { ok: true };
      },
    });
    await user.click(listButton(/我的砍价/));
    await waitFor(() => expect(publishBar().getByRole('button', { name: '删除' })).toBeTruthy(), SETTLE);
    await user.click(publishBar().getByRole('button', { name: '删除' }));
    const dialog = await screen.findByRole('alertdialog', { name: '删除场景“我的砍价”？' });
    // Cancelling deletes nothing.
    await user.click(within(dialog).getByRole('button', { name: '取消' }));
    expect(http.calls.some((c) => c.method === 'DELETE')).toBe(false);

    await user.click(publishBar().getByRole('button', { name: '删除' }));
    await user.click(
      within(await screen.findByRole('alertdialog', { name: '删除场景“我的砍价”？' })).getByRole('button', {
        name: '确认删除',
      }),
    );
    await waitFor(() => expect(http.calls.some((c) => c.method === 'DELETE')).toBe(true), SETTLE);
    expect(http.calls.find((c) => c.method === 'DELETE')?.path).toBe('/api/studio/scenarios/my-haggle');
    const list = document.querySelector<HTMLElement>('aside ul.studio-list')!;
    await waitFor(() => expect(within(list).queryByRole('button', { name: /我的砍价/ })).toBeNull(), SETTLE);
  }, 30_000);

  it('is not offered for a shipped scenario or someone else’s', async () => {
    const { user } = await studio({});
    await user.click(listButton(/李老师的场景/));
    await waitFor(() => expect(publishBar().getByText(/这是李老师的场景，只读/)).toBeTruthy(), SETTLE);
    expect(publishBar().queryByRole('button', { name: '删除' })).toBeNull();
    await user.click(listButton(/^嫌贵砍价/));
    await waitFor(() => expect(publishBar().getByText('内置 · 只读')).toBeTruthy(), SETTLE);
    expect(publishBar().queryByRole('button', { name: '删除' })).toBeNull();
  }, 30_000);
});
