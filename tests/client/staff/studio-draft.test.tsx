// 试玩 keeps the draft: the studio's open file and its unsaved edits live outside the page, so leaving the
// studio for the workbench and coming back (返回首页 lands a teacher on the staff home, then 场景工作室)
// finds them as they were; across a reload too (sessionStorage), and never for another person.
import { readFileSync } from 'node:fs';
import type { CatalogResponse, UserView } from '@kefu/shared/protocol';
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import Studio from '../../../client/src/staff/studio/Studio.tsx';
import { createStudioDraftStore } from '../../../client/src/stores/studio-draft.ts';
import { Workbench } from '../../../client/src/workbench/Workbench.tsx';
import '../../../client/src/staff/i18n/index.ts';
import { conversationView, JACKET, PHRASES, setup } from '../harness.tsx';
import { fakeHttp } from './fake-http.ts';
import { STUDIO_FILES } from './studio-fixture.ts';

const TEACHER: UserView = {
  id: 't1',
  username: 'teacher',
  displayName: '王老师',
  role: 'instructor',
  mustChangePassword: false,
};
const STUDENT: UserView = { ...TEACHER, id: 's1', username: 'stu', displayName: '李同学', role: 'student' };
const DRAFT = readFileSync('scenarios/buyers/price-objection.yaml', 'utf8').replace(
  /^title:.*$/m,
  'title: 还没保存的砍价场景',
);

/** The editor shows once the page has read the library (about a second in jsdom, more on a busy machine). */
const LIBRARY_READ = { timeout: 10_000 };

function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (k) => items.get(k) ?? null,
    key: (i) => [...items.keys()][i] ?? null,
    removeItem: (k) => void items.delete(k),
    setItem: (k, v) => void items.set(k, v),
  };
}

describe('返回首页 from the workbench', () => {
  for (const [who, user, home] of [
    ['a teacher', TEACHER, { name: 'staff', path: '' }],
    ['a student', STUDENT, { name: 'home' }],
  ] as const) {
    it(`lands ${who} on their own home`, async () => {
      const catalog = (): CatalogResponse => ({ products: [JACKET], phrases: [PHRASES] });
      const h = await setup({ http: fakeHttp({ 'GET /api/catalog': catalog }) });
      h.stores.session.getState().setUser(user);
      h.stores.conversations.getState().upsertView(conversationView('a'));
      await act(async () => {
        h.render(<Workbench />);
      });
      await h.user.click(screen.getByRole('button', { name: '返回首页' }));
      expect(h.stores.session.getState().screen).toEqual(home);
    });
  }
});

describe('the studio draft', () => {
  it('is on the page again after leaving the studio and coming back', async () => {
    const h = await setup({ http: fakeHttp({ 'GET /api/studio/files': () => STUDIO_FILES }) });
    h.stores.session.getState().setUser(TEACHER);
    const first = h.render(<Studio />);
    await screen.findByText('嫌贵砍价');
    const input = screen.getByLabelText('导入 YAML') as HTMLInputElement;
    fireEvent.change(input, { target: { files: [new File([DRAFT], 'mine.yaml', { type: 'text/yaml' })] } });
    await waitFor(
      () => expect(document.querySelector('.cm-content')?.textContent).toContain('还没保存的砍价场景'),
      LIBRARY_READ,
    );
    first.unmount();

    h.render(<Studio />);
    await waitFor(
      () => expect(document.querySelector('.cm-content')?.textContent).toContain('还没保存的砍价场景'),
      LIBRARY_READ,
    );
    expect(h.stores.studio.getState().open).toMatchObject({ text: DRAFT, saved: '' });
  }, 15_000);

  it('survives a reload of the tab for the same person, and is not shown to another', async () => {
    const storage = memoryStorage();
    const store = createStudioDraftStore(storage);
    store.getState().openFile({ path: 'studio/buyers/mine.yaml', text: 'id: mine\n', saved: '' }, TEACHER.id);
    store.getState().edit('id: mine\ntitle: 改了一半\n');
    await waitFor(() => expect(storage.getItem('kefu.studio')).toContain('改了一半'));

    const reloaded = createStudioDraftStore(storage).getState();
    expect(reloaded.owner).toBe(TEACHER.id);
    expect(reloaded.open).toEqual({
      path: 'studio/buyers/mine.yaml',
      text: 'id: mine\ntitle: 改了一半\n',
      saved: '',
    });

    // Another person logs in in the same tab: the studio shows them nothing of it.
    const h = await setup({ http: fakeHttp({ 'GET /api/studio/files': () => STUDIO_FILES }) });
    h.stores.studio.setState({ owner: reloaded.owner, open: reloaded.open });
    h.stores.session.getState().setUser({ ...TEACHER, id: 't2', username: 'other' });
    h.render(<Studio />);
    await screen.findByText('嫌贵砍价');
    expect(screen.getByText('从左侧选择一个场景，或新建、导入一个。')).toBeTruthy();
    expect(document.querySelector('.cm-content')).toBeNull();
  }, 15_000);
});
