// 结束练习: the student ends a solo practice on purpose, after confirming; a drill cannot be ended here.
import type { CatalogResponse } from '@kefu/shared/protocol';
import { act, screen, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { HttpError } from '../../client/src/api/http.ts';
import { Workbench } from '../../client/src/workbench/Workbench.tsx';
import { buyerSays, conversationView, JACKET, PHRASES, polyfillDialog, setup, T0 } from './harness.tsx';
import { fakeHttp } from './staff/fake-http.ts';

beforeAll(polyfillDialog);

const catalog = (): CatalogResponse => ({ products: [JACKET], phrases: [PHRASES] });

async function workbench(abandon: () => unknown, drillId: string | null = null) {
  const http = fakeHttp({ 'GET /api/catalog': catalog, 'POST /api/practice/abandon': abandon });
  const h = await setup({ http });
  h.stores.practice.getState().begin(['a', 'b'], 'student-1');
  for (const id of ['a', 'b'])
    h.stores.conversations.getState().upsertView(conversationView(id, { drillId }));
  h.feed('a', buyerSays(T0, 'a1', '在吗'));
  h.feed('b', buyerSays(T0 + 1_000, 'b1', '有货吗'));
  await act(async () => {
    h.render(<Workbench />);
  });
  return { ...h, http };
}

describe('结束练习', () => {
  it('asks first; keeping on serving changes nothing', async () => {
    const h = await workbench(() => ({ conversations: [] }));
    await h.user.click(screen.getByRole('button', { name: '结束练习' }));
    const dialog = screen.getByRole('alertdialog', { name: '结束这次练习？' });
    expect(dialog.textContent).toContain('2 位买家');
    expect(dialog.textContent).toContain('已放弃');
    // The safe choice has the focus, so a stray Enter does not end the practice.
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: '继续接待' }));
    await h.user.click(within(dialog).getByRole('button', { name: '继续接待' }));
    expect(h.http.calls.filter((c) => c.path === '/api/practice/abandon')).toHaveLength(0);
    expect(h.stores.session.getState().screen).not.toEqual({ name: 'home' });
    expect(h.stores.conversations.getState().ids).toEqual(['a', 'b']);
  });

  it('ends the practice on the server, forgets it and goes home', async () => {
    const h = await workbench(() => ({ conversations: [] }));
    await h.user.click(screen.getByRole('button', { name: '结束练习' }));
    const dialog = screen.getByRole('alertdialog', { name: '结束这次练习？' });
    await h.user.click(within(dialog).getByRole('button', { name: '结束练习' }));
    expect(
      h.http.calls.filter((c) => c.method === 'POST' && c.path === '/api/practice/abandon'),
    ).toHaveLength(1);
    expect(h.stores.session.getState().screen).toEqual({ name: 'home' });
    expect(h.stores.conversations.getState().ids).toEqual([]);
    expect(h.stores.practice.getState().conversationIds).toEqual([]);
  });

  it('says why when the server refuses, and stays in the workbench', async () => {
    const h = await workbench(() => {
      throw new HttpError(503, { code: 'network', message: '', params: {} });
    });
    await h.user.click(screen.getByRole('button', { name: '结束练习' }));
    const dialog = screen.getByRole('alertdialog', { name: '结束这次练习？' });
    await h.user.click(within(dialog).getByRole('button', { name: '结束练习' }));
    expect(within(dialog).getByRole('alert').textContent).not.toBe('');
    expect(h.stores.session.getState().screen).not.toEqual({ name: 'home' });
    expect(h.stores.conversations.getState().ids).toEqual(['a', 'b']);
  });

  it('is not offered in a class drill (graded work)', async () => {
    await workbench(() => ({ conversations: [] }), 'drill-1');
    expect(screen.queryByRole('button', { name: '结束练习' })).toBeNull();
  });
});
