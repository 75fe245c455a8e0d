// The studio's editor: a file with a mistake is marked at the line and column the loader of `kefu check`
// reports (in the gutter, under the text and in the problem list); fixed, it validates and proves.
import { readFileSync } from 'node:fs';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import Studio from '../../../client/src/staff/studio/Studio.tsx';
import { rangeOf } from '../../../client/src/staff/studio/validate.ts';
import { readLibrary } from '../../../server/src/cli/read-library.ts';
import '../../../client/src/staff/i18n/index.ts';
import { setup } from '../harness.tsx';
import { fakeHttp } from './fake-http.ts';

const FILES = readLibrary('scenarios').map((f) => ({ ...f, origin: 'library' as const }));
const PRICE = readFileSync('scenarios/buyers/price-objection.yaml', 'utf8');
const BROKEN = PRICE.replace('products: [down-jacket]', 'products: [down-jackex]');

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
    const http = fakeHttp({ 'GET /api/studio/files': () => ({ files: FILES }) });
    const { render, user } = await setup({ http });
    const { container } = render(<Studio />);
    await screen.findByRole('button', { name: /嫌贵砍价/ });

    importYaml(BROKEN);
    // One misspelt product id: the products line itself, and the two places that use the product.
    await screen.findByText('3 处错误');
    const problems = screen.getByRole('list', { name: '3 处错误' });
    const lines = [...problems.querySelectorAll('li')].map((li) => li.textContent);
    expect(lines[0]).toBe('10:12 products[0] 未知的商品 "down-jackex"，是不是 "down-jacket"？');
    expect(lines.slice(1).map((l) => l?.split(' ')[0])).toEqual(['20:10', '27:23']);
    // The editor's own markers: the word underlined, a red dot in the gutter on line 10.
    await waitFor(() =>
      expect(container.querySelector('.cm-lintRange-error')?.textContent).toBe('down-jackex'),
    );
    expect(container.querySelectorAll('.cm-lintRange-error')).toHaveLength(3);
    const markerLine = [...container.querySelectorAll('.cm-gutter-lint .cm-gutterElement')].findIndex((el) =>
      el.querySelector('.cm-lint-marker-error'),
    );
    expect(markerLine).toBeGreaterThanOrEqual(0);
    expect(screen.getByRole('button', { name: '保存新版本' }).hasAttribute('disabled')).toBe(true);

    importYaml(PRICE);
    await screen.findByText('校验通过');
    await waitFor(() => expect(container.querySelector('.cm-lintRange-error')).toBeNull());
    await user.click(screen.getByRole('button', { name: '证明' }));
    expect((await screen.findByText(/全部通过/)).textContent).toContain('参考答案得分 ≥ 90');
    expect(screen.getAllByText(/反例：不回复/).length).toBe(3);
  }, 30_000);

  it('refuses to prove a file with errors and says why', async () => {
    const http = fakeHttp({ 'GET /api/studio/files': () => ({ files: FILES }) });
    const { render, user } = await setup({ http });
    render(<Studio />);
    await screen.findByRole('button', { name: /嫌贵砍价/ });
    importYaml(BROKEN);
    await screen.findByText('3 处错误');
    await user.click(screen.getByRole('button', { name: '证明' }));
    expect(screen.getByRole('alert').textContent).toBe('请先修正错误');
    expect(http.calls.filter((c) => c.method !== 'GET')).toEqual([]);
  });

  it('filters the library by product, rule and difficulty', async () => {
    const http = fakeHttp({ 'GET /api/studio/files': () => ({ files: FILES }) });
    const { render, user } = await setup({ http });
    render(<Studio />);
    await screen.findByRole('button', { name: /嫌贵砍价/ });
    const all = screen.getAllByRole('button', { name: /难度 \d/ }).length;
    await user.selectOptions(screen.getByLabelText('考察的规则'), 'no-payment-reminder');
    const filtered = screen.getAllByRole('button', { name: /难度 \d/ });
    expect(filtered.length).toBeGreaterThan(0);
    expect(filtered.length).toBeLessThan(all);
    expect(screen.getByRole('button', { name: /拍下不付款/ })).toBeTruthy();
    await user.type(screen.getByLabelText('搜索'), '没有这种场景');
    expect(screen.queryAllByRole('button', { name: /难度 \d/ })).toEqual([]);
  });
});
