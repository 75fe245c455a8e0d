// While the chart code loads (a lazy chunk, slow on a busy computer-room machine) the chart's box says in words
// what it will show instead of standing empty. A canvas is faked so the chart is attempted at all.
import { render } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Chart } from '../../../client/src/staff/reports/Chart.tsx';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('Chart while its code loads', () => {
  it('shows its summary in the box until the chart draws', () => {
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue({} as CanvasRenderingContext2D);
    const { container } = render(
      <Chart
        title="各规则被撤销的比例"
        summary="回避问题：裁定 1 条，撤销 0 条（0%）"
        option={{ series: [{ type: 'bar', data: [0] }] }}
        height={140}
      />,
    );
    const box = container.querySelector('.staff-chart-canvas');
    expect(box?.textContent).toBe('回避问题：裁定 1 条，撤销 0 条（0%）');
  });
});
