// The studio's editor: a file with a mistake is marked at the line and column the loader of `kefu check`
// reports (in the gutter, under the text and in the problem list); fixed, it validates and proves.
import { readFileSync } from 'node:fs';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import Studio from '../../../client/src/staff/studio/Studio.tsx';
import { rangeOf } from '../../../client/src/staff/studio/validate.ts';
import '../../../client/src/staff/i18n/index.ts';
import { setup } from '../harness.tsx';
import { fakeHttp } from './fake-http.ts';
import { STUDIO_FILES } from './studio-fixture.ts';

const PRICE = readFileSync('scenarios/buyers/price-objection.yaml', 'utf8');
/** An author's own scenario (a shipped one is read-only) with a misspelt product on line 10. */
const BROKEN = PRICE.replace('id: price-objection', 'id: my-haggle').replace(
  'products: [down-jacket]',
  'products: [down-jackex]',
);

/**
 * The page checks a file a moment after it changes and proves off the click (on the page's thread here, a
 * worker in the browser): 15 runs of the judge, a few seconds on a busy 2-core machine. The waits for
 * those results allow that; everything else is found at once.
 */
const SETTLE = { timeout: 10_000 };

/**
 * The open file's part of the page. Role queries over the whole page (76 scenarios listed, CodeMirror's
 * lines) take seconds each in jsdom, so the editor's buttons are looked up inside it.
 */
function scenarioList() {
  const list = document.querySelector<HTMLElement>('aside ul.studio-list');
  if (!list) throw new Error('no scenario list');
  return within(list);
}

function editor() {
  const section = document.querySelector<HTMLElement>('section[aria-label="YAML 编辑器"]');
  if (!section) throw new Error('no editor section');
  return within(section);
}

function importYaml(text: string, name = 'price-objection.yaml') {
  const input = screen.getByLabelText('导入 YAML') as HTMLInputElement;
  fireEvent.change(input, { target: { files: [new File([text], name, { type: 'text/yaml' })] } });
}

describe('rangeOf', () => {
  it('maps line and column to the word there', () => {
    const text = 'id: a\nproducts: [down-jackex]\n';
    const { from, to } = rangeOf(text, 2, 12);
    expect(text.slice(from, to)).toBe('down-jackex');
  });
});

describe('studio editor', () => {
  it('marks a deliberate error at its line and column, then validates and proves the fixed file', async () => {
    const http = fakeHttp({ 'GET /api/studio/files': () => STUDIO_FILES });
    const { render, user } = await setup({ http });
    const { container } = render(<Studio />);
    await screen.findByText('嫌贵砍价');

    importYaml(BROKEN);
    // One misspelt product id: the products line itself, and the two places that use the product.
    await screen.findByText('3 处错误', undefined, SETTLE);
    const problems = editor().getByRole('list', { name: '3 处错误' });
    const lines = [...problems.querySelectorAll('li')].map((li) => li.textContent);
    expect(lines[0]).toBe('10:12 products[0] 未知的商品 "down-jackex"，是不是 "down-jacket"？');
    expect(lines.slice(1).map((l) => l?.split(' ')[0])).toEqual(['20:10', '27:23']);
    // The editor's own markers: the word underlined, a red dot in the gutter on line 10.
    await waitFor(
      () => expect(container.querySelector('.cm-lintRange-error')?.textContent).toBe('down-jackex'),
      SETTLE,
    );
    expect(container.querySelectorAll('.cm-lintRange-error')).toHaveLength(3);
    const markerLine = [...container.querySelectorAll('.cm-gutter-lint .cm-gutterElement')].findIndex((el) =>
      el.querySelector('.cm-lint-marker-error'),
    );
    expect(markerLine).toBeGreaterThanOrEqual(0);
    expect(editor().getByRole('button', { name: '保存草稿' }).hasAttribute('disabled')).toBe(true);

    importYaml(PRICE);
    await screen.findByText('校验通过', undefined, SETTLE);
    await waitFor(() => expect(container.querySelector('.cm-lintRange-error')).toBeNull(), SETTLE);
    await user.click(editor().getByRole('button', { name: '证明' }));
    expect((await screen.findByText(/全部通过/, undefined, SETTLE)).textContent).toContain(
      '参考答案得分 ≥ 90',
    );
    expect(screen.getAllByText(/反例：不回复/).length).toBe(3);
    // Only the scenario edited is proven: 3 seeds × (model answer + its counter-examples), nothing else.
    const counterExamples = PRICE.match(/^ {2}- name:/gm)?.length ?? 0;
    expect(counterExamples).toBeGreaterThan(0);
    expect(screen.getAllByText(/第 \d 轮/)).toHaveLength(3 * (1 + counterExamples));
  }, 30_000);

  it('refuses to prove a file with errors and says why', async () => {
    const http = fakeHttp({ 'GET /api/studio/files': () => STUDIO_FILES });
    const { render, user } = await setup({ http });
    render(<Studio />);
    await screen.findByText('嫌贵砍价');
    importYaml(BROKEN);
    await screen.findByText('3 处错误', undefined, SETTLE);
    await user.click(editor().getByRole('button', { name: '证明' }));
    expect(editor().getByRole('alert').textContent).toBe('请先修正错误');
    expect(http.calls.filter((c) => c.method !== 'GET')).toEqual([]);
  }, 15_000);

  it('filters the library by product, rule and difficulty', async () => {
    const http = fakeHttp({ 'GET /api/studio/files': () => STUDIO_FILES });
    const { render, user } = await setup({ http });
    render(<Studio />);
    await screen.findByText('嫌贵砍价');
    const all = scenarioList().getAllByRole('button', { name: /难度 \d/ }).length;
    await user.selectOptions(screen.getByLabelText('考察的规则'), 'no-payment-reminder');
    const filtered = scenarioList().getAllByRole('button', { name: /难度 \d/ });
    expect(filtered.length).toBeGreaterThan(0);
    expect(filtered.length).toBeLessThan(all);
    expect(scenarioList().getByRole('button', { name: /拍下不付款/ })).toBeTruthy();
    await user.type(screen.getByLabelText('搜索'), '没有这种场景');
    expect(scenarioList().queryAllByRole('button', { name: /难度 \d/ })).toEqual([]);
  }, 15_000);
});
