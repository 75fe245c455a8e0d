// A chart with its title and a text summary for screen readers; the ECharts code loads on first use.
import type { EChartsCoreOption } from 'echarts/core';
import { Component, lazy, type ReactNode, Suspense } from 'react';

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
      <ChartFailure
        fallback={
          <p className="staff-chart-fallback" aria-hidden="true">
            {summary}
          </p>
        }
      >
        <Suspense fallback={<div className="staff-chart-canvas" style={{ height: height ?? 240 }} />}>
          <EChart option={option} height={height} />
        </Suspense>
      </ChartFailure>
      <p className="sr-only">{summary}</p>
    </figure>
  );
}

/**
 * A chart that cannot draw (no canvas, a chart chunk that failed to load) shows its summary in words instead
 * of taking the page down with it: the numbers it charts are on the page anyway.
 */
class ChartFailure extends Component<{ fallback: ReactNode; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}
