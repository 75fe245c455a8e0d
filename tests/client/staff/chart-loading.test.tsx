// While the chart code loads (a lazy chunk, slow on a busy computer-room machine) the chart's box says in words
// what it will show instead of standing empty. A canvas is faked so the chart is attempted at all; the client
// tests share modules between files, so Chart is imported afresh (its canvas check and lazy chunk are cached).
import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('Chart while its code loads', () => {
  it('shows its summary in the box until the chart draws', async () => {
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue({} as CanvasRenderingContext2D);
    vi.resetModules();
    const { render } = await import('@testing-library/react');
    const { Chart } = await import('../../../client/src/staff/reports/Chart.tsx');
    const { container, unmount } = render(
      <Chart
        title="各规则被撤销的比例"
        summary="回避问题：裁定 1 条，撤销 0 条（0%）"
        option={{ series: [{ type: 'bar', data: [0] }] }}
        height={140}
      />,
    );
    const box = container.querySelector('.staff-chart-canvas');
    expect(box?.textContent).toBe('回避问题：裁定 1 条，撤销 0 条（0%）');
    unmount();
  });
});
