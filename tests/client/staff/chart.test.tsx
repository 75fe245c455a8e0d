// A chart that cannot draw (jsdom has no canvas, like a browser without one) shows its summary in words and
// leaves the rest of the page standing.
import { render, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Chart } from '../../../client/src/staff/reports/Chart.tsx';

describe('Chart', () => {
  it('falls back to its summary when the chart cannot draw', async () => {
    // Even with the chart code loaded (as an earlier page may have done), no chart is started without a canvas.
    await import('../../../client/src/staff/reports/EChart.tsx');
    const { container, getByText } = render(
      <main>
        <Chart
          title="成绩分布"
          summary="王芳 85 分，李强 85 分"
          option={{ series: [{ type: 'bar', data: [85, 85] }] }}
        />
        <table>
          <tbody>
            <tr>
              <td>王芳</td>
            </tr>
          </tbody>
        </table>
      </main>,
    );
    await waitFor(() =>
      expect(container.querySelector('.staff-chart-fallback')?.textContent).toBe('王芳 85 分，李强 85 分'),
    );
    expect(getByText('王芳')).toBeTruthy();
    expect(container.querySelector('figure')?.getAttribute('aria-label')).toBe('成绩分布');
  });
});
