// A chart with its title and a text summary for screen readers; the ECharts code loads on first use.
import type { EChartsCoreOption } from 'echarts/core';
import { lazy, Suspense } from 'react';

const EChart = lazy(() => import('./EChart.tsx'));

export function Chart({
  title,
  summary,
  option,
  height,
}: {
  title: string;
  /** What the chart shows, in words (for screen readers and print). */
  summary: string;
  option: EChartsCoreOption;
  height?: number;
}) {
  return (
    <figure className="staff-chart" aria-label={title}>
      <figcaption>{title}</figcaption>
      <Suspense fallback={<div className="staff-chart-canvas" style={{ height: height ?? 240 }} />}>
        <EChart option={option} height={height} />
      </Suspense>
      <p className="sr-only">{summary}</p>
    </figure>
  );
}
