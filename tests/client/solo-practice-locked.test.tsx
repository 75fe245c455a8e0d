// Solo practice on the student's home follows the learning path: a scenario of a locked unit shows as 未开放
// with no start button, naming the unit to finish first; an opened one starts; staff (no path) see all open.
import { loadLibrary, pathProgress, pathScenariosOf, type ScenarioSummary } from '@kefu/shared';
import { act, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { SoloPractice } from '../../client/src/home/SoloPractice.tsx';
import { readLibrary } from '../../server/src/cli/read-library.ts';
import { setup } from './harness.tsx';
import { fakeHttp } from './staff/fake-http.ts';

const { library } = loadLibrary(readLibrary('scenarios'));
const progress = pathProgress(library.course!, pathScenariosOf(library.buyers.values()), []);
const summary = (id: string): ScenarioSummary => ({
  id,
  title: library.buyers.get(id)!.title,
  description: null,
  difficulty: 1,
  goal: 'paid',
  products: [],
  version: 'v',
  rules: [],
});
const SCENARIOS = [summary('jacket-colour-size'), summary('price-objection')];

async function render(withPath: boolean) {
  const http = fakeHttp({ 'POST /api/practice': () => ({ conversations: [] }) });
  const h = await setup({ http });
  await act(async () => {
    h.render(<SoloPractice scenarios={SCENARIOS} error={null} progress={withPath ? progress : null} />);
  });
  const card = (id: string) => screen.getByRole('heading', { name: summary(id).title }).closest('li')!;
  return { h, http, card };
}

describe('solo practice and the learning path', () => {
  it('shows a locked unit’s scenario as locked, naming the unit to finish, with nothing to start', async () => {
    const { h, http, card } = await render(true);
    const locked = within(card('price-objection'));
    expect(locked.getByText('未开放')).toBeTruthy();
    expect(locked.getByText('先完成“欢迎与响应”单元，再来练习这个场景')).toBeTruthy();
    expect(locked.queryByRole('button')).toBeNull();

    const open = within(card('jacket-colour-size'));
    expect(open.queryByText('未开放')).toBeNull();
    await h.user.click(open.getByRole('button', { name: /开始/ }));
    expect(http.calls.map((c) => [c.path, c.body])).toEqual([
      ['/api/practice', { scenarioId: 'jacket-colour-size' }],
    ]);
  });

  it('locks nothing without a path (staff)', async () => {
    const { card } = await render(false);
    expect(within(card('price-objection')).getByRole('button', { name: /开始/ })).toBeTruthy();
  });
});
