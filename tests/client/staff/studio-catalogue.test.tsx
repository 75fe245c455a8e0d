// Catalogue files in the studio: a product opens in the same editor as scenarios, editable, its mistakes
// marked at line:col; 保存草稿 stores a draft; 发布 proves first the scenarios that use what changed (with
// progress) and asks the server only when all prove, showing the server's own refusal; a change no scenario
// uses goes to the server at once; the versions list who saved and published.

import { EditorView } from '@codemirror/view';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { HttpError } from '../../../client/src/api/http.ts';
import Studio from '../../../client/src/staff/studio/Studio.tsx';
import '../../../client/src/staff/i18n/index.ts';
import type { CatalogueVersion } from '@kefu/shared/protocol';
import { setup } from '../harness.tsx';
import { fakeHttp } from './fake-http.ts';
import { ONE_SCENARIO_FILES as FILES, ONE_SCENARIO_SOURCES as SOURCES } from './studio-fixture.ts';

const JACKET = SOURCES.find((f) => f.path.endsWith('products/down-jacket.yaml'))!;
/** 黑色 sold out: the scenario's model answer (黑色有货) turns into a wrong fact. */
const NO_BLACK = JACKET.text.replace(
  'aliases: [黑的, 经典黑]',
  'aliases: [黑的, 经典黑]\n        inStock: false',
);
const WITH_ALIAS = JACKET.text.replace('这款羽绒服]', '这款羽绒服, 羽绒外套]');
const BROKEN = JACKET.text.replace('price: 299', 'price: 二百九十九');

/** A check settles at once; a proof (15 runs of the judge in jsdom) takes many seconds on a busy machine. */
const SETTLE = { timeout: 15_000 };
const PROVED = { timeout: 60_000 };

function editor() {
  const section = document.querySelector<HTMLElement>('section[aria-label="YAML 编辑器"]');
  if (!section) throw new Error('no editor section');
  return within(section);
}

/** Types over the whole document, as an author pasting a new text would. */
function replaceText(text: string) {
  const content = document.querySelector<HTMLElement>('.cm-content');
  const view = content && EditorView.findFromDOM(content);
  if (!view) throw new Error('no editor');
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
}

/** Replaces the text and waits for its own check (the status says 校验中… until then, at least 250 ms). */
async function replaceValid(text: string) {
  replaceText(text);
  await editor().findByText('校验中…');
  await editor().findByText('校验通过', undefined, SETTLE);
}

async function openJacket(handlers: Parameters<typeof fakeHttp>[0] = {}, file = /down-jacket\.yaml/) {
  const http = fakeHttp({ 'GET /api/studio/files': () => FILES, ...handlers });
  const { render, user } = await setup({ http });
  render(<Studio />);
  await user.click(await screen.findByRole('button', { name: file }));
  await editor().findByText('校验通过', undefined, SETTLE);
  return { http, user };
}

const posts = (http: { calls: { method: string; path: string; body: unknown }[] }) =>
  http.calls.filter((c) => c.method === 'POST');

describe('catalogue files in the studio', () => {
  it('edits a product in the scenario editor: errors at line:col, no saving until fixed', async () => {
    const { http } = await openJacket();
    expect(editor().queryByText('只读')).toBeNull();
    expect(editor().getByRole('button', { name: '发布' })).toBeTruthy();
    // A scenario's buttons are not a catalogue file's.
    expect(editor().queryByRole('button', { name: '试玩' })).toBeNull();
    replaceText(BROKEN);
    await editor().findByText('1 处错误', undefined, SETTLE);
    const problem = editor().getByRole('list', { name: '1 处错误' }).textContent ?? '';
    expect(problem).toMatch(/^7:8 price /);
    expect(editor().getByRole('button', { name: '保存草稿' }).hasAttribute('disabled')).toBe(true);
    expect(editor().getByRole('button', { name: '发布' }).hasAttribute('disabled')).toBe(true);
    expect(posts(http)).toEqual([]);
  }, 30_000);

  it('saves a draft, then refuses to publish when a scenario no longer proves, naming it', async () => {
    const { http, user } = await openJacket({
      'POST /api/studio/catalogue': () => ({ path: JACKET.path, version: 'v-no-black', created: true }),
    });
    await replaceValid(NO_BLACK);
    await user.click(editor().getByRole('button', { name: '保存草稿' }));
    // The save time, never the content-hash version the server named it by.
    const saved = await editor().findByText(/已保存草稿（\d{2}:\d{2}:\d{2} 保存）/);
    expect(saved.textContent).not.toContain('v-no-black');
    expect(posts(http)).toEqual([
      { method: 'POST', path: '/api/studio/catalogue', body: { path: JACKET.path, text: NO_BLACK } },
    ]);
    await user.click(editor().getByRole('button', { name: '发布' }));
    const alert = await editor().findByText(/不能发布/, undefined, PROVED);
    expect(alert.textContent).toContain('改动后有 1 个场景不再通过证明');
    // The scenario at its failing run's place, the rule by its name (never its id) and what to change.
    const failures = editor().getByRole('list', { name: '不再通过证明的场景（1 个）' }).textContent ?? '';
    expect(failures).toMatch(/“羽绒服选颜色和尺码” · \S*buyers\/jacket-colour-size\.yaml:\d+:\d+ · 参考答案/);
    expect(failures).toContain('多触发了「信息错误」1 次');
    expect(failures).toContain('改草稿，或在这里改参考答案的回复');
    expect(failures).not.toContain('wrong-fact');
    // Only the failing runs are listed; the server was not asked to publish.
    expect(editor().getAllByText(/✘/).length).toBeGreaterThan(0);
    expect(editor().queryByText(/✔/)).toBeNull();
    expect(posts(http).map((c) => c.path)).toEqual(['/api/studio/catalogue', '/api/studio/catalogue']);
  }, 150_000);

  it('says an unchanged save made no new version, without naming the version', async () => {
    const { user } = await openJacket({
      'POST /api/studio/catalogue': () => ({ path: JACKET.path, version: 'v-same', created: false }),
    });
    await replaceValid(NO_BLACK);
    await user.click(editor().getByRole('button', { name: '保存草稿' }));
    const unchanged = await editor().findByText('内容与已保存的草稿相同，无需再次保存。');
    expect(unchanged.textContent).not.toContain('v-same');
  }, 30_000);

  it('publishes once every scenario proves, and shows the server refusing when it finds otherwise', async () => {
    let refuse = false;
    const { http, user } = await openJacket({
      'POST /api/studio/catalogue': () => ({ path: JACKET.path, version: 'v-alias', created: true }),
      'POST /api/studio/catalogue/publish': () => {
        if (refuse) {
          throw new HttpError(409, {
            code: 'catalogue-breaks-scenarios',
            params: {
              count: 1,
              scenarios: '“羽绒服选颜色和尺码”（…：反例「复读」：少了 phrase-repeated ×1）',
            },
            proof: [
              {
                scenarioId: 'jacket-colour-size',
                title: '羽绒服选颜色和尺码',
                file: 'scenarios/buyers/jacket-colour-size.yaml',
                line: 41,
                col: 5,
                kind: 'counter',
                script: '复读',
                extra: [],
                missing: [{ rule: 'phrase-repeated', times: 1 }],
                lowScore: null,
                other: [],
              },
            ],
            message: '',
          });
        }
        return {
          status: 'published',
          catalogueVersion: 'c1',
          affected: ['jacket-colour-size'],
          proved: ['jacket-colour-size'],
        };
      },
    });
    await replaceValid(WITH_ALIAS);
    await user.click(editor().getByRole('button', { name: '发布' }));
    // The fixture's one scenario sells the jacket: every scenario uses what changed.
    await editor().findByText(/已发布：全部 1 个场景都用到改动的内容，全部通过证明/, undefined, PROVED);
    expect(posts(http)).toEqual([
      { method: 'POST', path: '/api/studio/catalogue', body: { path: JACKET.path, text: WITH_ALIAS } },
      {
        method: 'POST',
        path: '/api/studio/catalogue/publish',
        body: { path: JACKET.path, version: 'v-alias' },
      },
    ]);
    refuse = true;
    await user.click(editor().getByRole('button', { name: '发布' }));
    const refusal = await editor().findByText(/不能发布/, undefined, PROVED);
    expect(refusal.textContent).toContain('改动后有 1 个场景不再通过证明');
    // The server's failing run, said in the UI language: the rule's name, where, and what to change.
    const failures = editor().getByRole('list', { name: '不再通过证明的场景（1 个）' }).textContent ?? '';
    expect(failures).toContain(
      '“羽绒服选颜色和尺码” · scenarios/buyers/jacket-colour-size.yaml:41:5 · 反例：复读',
    );
    expect(failures).toContain('少触发了「话术重复」1 次');
    expect(failures).toContain('从它的 violations 中删掉');
    expect(failures).not.toContain('phrase-repeated');
  }, 150_000);

  it('publishes a change no scenario uses without proving any', async () => {
    const scarf = SOURCES.find((f) => f.path.endsWith('products/wool-scarf.yaml'))!;
    const { http, user } = await openJacket(
      {
        'POST /api/studio/catalogue': () => ({ path: scarf.path, version: 'v-scarf', created: true }),
        'POST /api/studio/catalogue/publish': () => ({
          status: 'published',
          catalogueVersion: 'c2',
          affected: [],
          proved: [],
        }),
      },
      /wool-scarf\.yaml/,
    );
    await replaceValid(scarf.text.replace('aliases: [围巾,', 'aliases: [围脖, 围巾,'));
    await user.click(editor().getByRole('button', { name: '发布' }));
    await editor().findByText(/已发布：没有场景用到改动的内容/, undefined, SETTLE);
    // No proof ran in the browser: the server was asked at once.
    expect(editor().queryByText(/全部通过|项未通过|正在证明/)).toBeNull();
    expect(posts(http).map((c) => c.path)).toEqual([
      '/api/studio/catalogue',
      '/api/studio/catalogue/publish',
    ]);
  }, 30_000);

  it('shows how far the server’s proof got while it proves in steps, and asks again until it is done', async () => {
    const scarf = SOURCES.find((f) => f.path.endsWith('products/wool-scarf.yaml'))!;
    let open = () => {};
    const gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    let asked = 0;
    const { http, user } = await openJacket(
      {
        'POST /api/studio/catalogue': () => ({ path: scarf.path, version: 'v-scarf', created: true }),
        'POST /api/studio/catalogue/publish': async () => {
          asked++;
          if (asked === 1) return { status: 'proving', done: 20, total: 77 };
          await gate;
          return { status: 'published', catalogueVersion: 'c3', affected: [], proved: [] };
        },
      },
      /wool-scarf\.yaml/,
    );
    await replaceValid(scarf.text.replace('aliases: [围巾,', 'aliases: [围脖, 围巾,'));
    await user.click(editor().getByRole('button', { name: '发布' }));
    await editor().findByText('服务器正在验证：20 / 77 个场景…', undefined, SETTLE);
    expect(editor().getByRole('button', { name: '发布' }).hasAttribute('disabled')).toBe(true);
    open();
    await editor().findByText(/已发布：没有场景用到改动的内容/, undefined, SETTLE);
    const publishes = posts(http).filter((c) => c.path === '/api/studio/catalogue/publish');
    expect(publishes.map((c) => c.body)).toEqual([
      { path: scarf.path, version: 'v-scarf' },
      { path: scarf.path, version: 'v-scarf' },
    ]);
  }, 30_000);

  it('lists the versions with who saved and published them, the one in use marked', async () => {
    const versions: CatalogueVersion[] = [
      {
        version: 'v2',
        status: 'published',
        savedAt: Date.UTC(2026, 10, 30, 8),
        savedBy: '王老师',
        publishedAt: Date.UTC(2026, 10, 30, 9),
        publishedBy: '李老师',
        current: true,
        text: WITH_ALIAS,
      },
      {
        version: 'v1',
        status: 'shipped',
        savedAt: Date.UTC(2026, 10, 1),
        savedBy: null,
        publishedAt: null,
        publishedBy: null,
        current: false,
        text: JACKET.text,
      },
    ];
    const { http, user } = await openJacket({
      'GET /api/studio/catalogue/history*': () => ({ versions }),
    });
    await user.click(editor().getByRole('button', { name: '版本历史' }));
    const list = await editor().findByRole('region', { name: '版本历史' });
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(2));
    const [latest, shipped] = within(list).getAllByRole('listitem');
    expect(latest?.textContent).toMatch(/已发布.*当前使用.*王老师 保存于.*李老师 发布于/);
    expect(shipped?.textContent).toContain('随场景库提供的原始版本');
    const asked = http.calls.find((c) => c.path.startsWith('/api/studio/catalogue/history'));
    expect(decodeURIComponent(asked?.path ?? '')).toContain(`path=${JACKET.path}`);
  }, 30_000);
});
