// 新建商品 / 新建品类 / 新建话术库 in the studio: the template opens valid in the editor, an id another file
// has is marked at its line:col, the first 保存草稿 names the file after the id its author gave, 发布 proves
// the library with it and publishes that path; a new file's open 草稿 is listed (新建 · 草稿) and reopens.

import { EditorView } from '@codemirror/view';
import { screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { HttpError } from '../../../client/src/api/http.ts';
import Studio from '../../../client/src/staff/studio/Studio.tsx';
import '../../../client/src/staff/i18n/index.ts';
import { newCatalogueTemplate } from '../../../shared/src/scenario/new-catalogue-file.ts';
import { polyfillDialog, setup } from '../harness.tsx';
import { fakeHttp } from './fake-http.ts';
import { ONE_SCENARIO_FILES as FILES } from './studio-fixture.ts';

const SETTLE = { timeout: 15_000 };
const PROVED = { timeout: 60_000 };

function editor() {
  const section = document.querySelector<HTMLElement>('section[aria-label="YAML 编辑器"]');
  if (!section) throw new Error('no editor section');
  return within(section);
}

function editorText(): string {
  const content = document.querySelector<HTMLElement>('.cm-content');
  const view = content && EditorView.findFromDOM(content);
  if (!view) throw new Error('no editor');
  return view.state.doc.toString();
}

function replaceText(text: string) {
  const content = document.querySelector<HTMLElement>('.cm-content');
  const view = content && EditorView.findFromDOM(content);
  if (!view) throw new Error('no editor');
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
}

/** A 新建 button, once the library is read (it picks a free id from it). */
async function newButton(name: string) {
  const button = await screen.findByRole('button', { name });
  await waitFor(() => expect(button.hasAttribute('disabled')).toBe(false), SETTLE);
  return button;
}

const posts = (http: { calls: { method: string; path: string; body: unknown }[] }) =>
  http.calls.filter((c) => c.method === 'POST');

describe('new catalogue files in the studio', () => {
  it('opens each kind from its template, valid as it is, under a free id', async () => {
    const http = fakeHttp({ 'GET /api/studio/files': () => FILES });
    const { render, user } = await setup({ http });
    render(<Studio />);
    for (const [button, path, first] of [
      ['新建商品', 'scenarios/products/new-product-1.yaml', 'id: new-product-1'],
      ['新建品类', 'scenarios/categories/new-category-1.yaml', 'id: new-category-1'],
      ['新建话术库', 'scenarios/phrases/new-phrases-1.yaml', 'id: new-phrases-1'],
    ] as const) {
      await user.click(await newButton(button));
      await editor().findByText(path);
      expect(editorText()).toContain(first);
      await editor().findByText('校验通过', undefined, SETTLE);
      expect(editor().getByRole('button', { name: '发布' })).toBeTruthy();
    }
    expect(posts(http)).toEqual([]);
  }, 60_000);

  it("marks another file's id at its line:col and saves nothing", async () => {
    const http = fakeHttp({ 'GET /api/studio/files': () => FILES });
    const { render, user } = await setup({ http });
    render(<Studio />);
    await user.click(await newButton('新建商品'));
    await editor().findByText('校验通过', undefined, SETTLE);
    replaceText(newCatalogueTemplate('product', 'down-jacket'));
    await editor().findByText('1 处错误', undefined, SETTLE);
    const problem = editor().getByRole('list', { name: '1 处错误' }).textContent ?? '';
    expect(problem).toBe(
      '4:5 id "down-jacket" 已被 scenarios/products/down-jacket.yaml 使用：新文件要起一个没用过的 id',
    );
    // Not the other files' errors a replaced product would cause: the clash is the one thing to fix.
    expect(editor().queryByText(/让其他文件出现/)).toBeNull();
    expect(editor().getByRole('button', { name: '保存草稿' }).hasAttribute('disabled')).toBe(true);
    expect(editor().getByRole('button', { name: '发布' }).hasAttribute('disabled')).toBe(true);
    expect(posts(http)).toEqual([]);
  }, 30_000);

  it('names the file after the id given on its first save, then publishes it there (no scenario uses it yet: nothing to prove)', async () => {
    const path = 'scenarios/products/cotton-hoodie.yaml';
    const http = fakeHttp({
      'GET /api/studio/files': () => FILES,
      'POST /api/studio/catalogue': () => ({ path, version: 'v-hoodie', created: true }),
      'POST /api/studio/catalogue/publish': () => ({
        status: 'published',
        catalogueVersion: 'c1',
        affected: [],
        proved: [],
      }),
    });
    const { render, user } = await setup({ http });
    render(<Studio />);
    await user.click(await newButton('新建商品'));
    await editor().findByText('校验通过', undefined, SETTLE);
    const text = editorText().replace('id: new-product-1', 'id: cotton-hoodie').replace('新商品', '纯棉卫衣');
    replaceText(text);
    await editor().findByText('校验中…');
    await editor().findByText('校验通过', undefined, SETTLE);
    await user.click(editor().getByRole('button', { name: '发布' }));
    await editor().findByText(/已发布：没有场景用到改动的内容/, undefined, PROVED);
    expect(posts(http)).toEqual([
      { method: 'POST', path: '/api/studio/catalogue', body: { path, text } },
      { method: 'POST', path: '/api/studio/catalogue/publish', body: { path, version: 'v-hoodie' } },
    ]);
    // The editor now names the file where it was saved.
    expect(editor().getByText(path)).toBeTruthy();
  }, 150_000);

  it('lists a new file saved as a draft (新建 · 草稿) and opens that draft', async () => {
    const path = 'scenarios/categories/sportswear.yaml';
    const text = newCatalogueTemplate('category', 'sportswear');
    const http = fakeHttp({
      'GET /api/studio/files': () => ({
        ...FILES,
        catalogueDrafts: [{ path, text, version: 'v1', savedAt: 0, savedBy: '王老师' }],
      }),
    });
    const { render, user } = await setup({ http });
    render(<Studio />);
    const entry = await screen.findByRole('button', { name: /sportswear\.yaml/ });
    expect(entry.textContent).toMatch(/sportswear\.yaml\s*品类\s*新建\s*草稿/);
    await user.click(entry);
    await editor().findByText(path);
    expect(editorText()).toBe(text);
    await editor().findByText('校验通过', undefined, SETTLE);
  }, 30_000);
});

describe('删除草稿 of a new file', () => {
  beforeAll(polyfillDialog);

  const path = 'scenarios/categories/sportswear.yaml';
  const text = newCatalogueTemplate('category', 'sportswear');
  const draft = { path, text, version: 'v1', savedAt: 0, savedBy: '王老师' };

  it('deletes it after a confirmation; the list no longer shows it; shipped files have no such button', async () => {
    let deleted = false;
    const http = fakeHttp({
      'GET /api/studio/files': () => ({ ...FILES, catalogueDrafts: deleted ? [] : [draft] }),
      'DELETE /api/studio/catalogue*': () => {
        deleted = true;
        return { ok: true };
      },
    });
    const { render, user } = await setup({ http });
    render(<Studio />);
    await user.click(await screen.findByRole('button', { name: /down-jacket\.yaml/ }));
    await editor().findByText('scenarios/products/down-jacket.yaml');
    expect(editor().queryByRole('button', { name: '删除草稿' })).toBeNull();

    await user.click(await screen.findByRole('button', { name: /sportswear\.yaml/ }));
    await editor().findByText(path);
    await user.click(editor().getByRole('button', { name: '删除草稿' }));
    const dialog = await screen.findByRole('alertdialog', { name: '删除这个新文件的草稿？' });
    expect(http.calls.filter((c) => c.method === 'DELETE')).toEqual([]);
    await user.click(within(dialog).getByRole('button', { name: '删除草稿' }));
    await waitFor(
      () => expect(screen.queryByRole('button', { name: /sportswear\.yaml/ })).toBeNull(),
      SETTLE,
    );
    expect(http.calls.filter((c) => c.method === 'DELETE').map((c) => c.path)).toEqual([
      `/api/studio/catalogue?path=${encodeURIComponent(path)}`,
    ]);
    expect(document.querySelector('.cm-content')).toBeNull();
  }, 30_000);

  it('shows the server refusing another instructor’s draft in the dialog and keeps it', async () => {
    const http = fakeHttp({
      'GET /api/studio/files': () => ({ ...FILES, catalogueDrafts: [draft] }),
      'DELETE /api/studio/catalogue*': () => {
        throw new HttpError(403, {
          code: 'catalogue-draft-not-owner',
          params: {},
          message: '',
        });
      },
    });
    const { render, user } = await setup({ http });
    render(<Studio />);
    await user.click(await screen.findByRole('button', { name: /sportswear\.yaml/ }));
    await editor().findByText(path);
    await user.click(editor().getByRole('button', { name: '删除草稿' }));
    const dialog = await screen.findByRole('alertdialog', { name: '删除这个新文件的草稿？' });
    await user.click(within(dialog).getByRole('button', { name: '删除草稿' }));
    await within(dialog).findByText(/只有他和管理员能删除/);
    expect(screen.getByRole('button', { name: /sportswear\.yaml/ })).toBeTruthy();
  }, 30_000);
});
