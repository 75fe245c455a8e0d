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
  const inWords = (
    <p className="staff-chart-fallback" aria-hidden="true">
      {summary}
    </p>
  );
  return (
    <figure className="staff-chart" aria-label={title}>
      <figcaption>{title}</figcaption>
      {canDraw() ? (
        <ChartFailure fallback={inWords}>
          {/* Until the chart code has loaded (slow on a busy machine) the box says what it will show. */}
          <Suspense
            fallback={
              <div className="staff-chart-canvas" style={{ height: height ?? 240 }}>
                {inWords}
              </div>
            }
          >
            <EChart option={option} height={height} />
          </Suspense>
        </ChartFailure>
      ) : (
        inWords
      )}
      <p className="sr-only">{summary}</p>
    </figure>
  );
}

let canvasSupport: boolean | undefined;
/** Whether this browser gives a 2D canvas (jsdom and some locked-down browsers do not): ECharts draws on one. */
function canDraw(): boolean {
  if (canvasSupport === undefined) {
    try {
      canvasSupport = document.createElement('canvas').getContext('2d') !== null;
    } catch {
      canvasSupport = false;
    }
  }
  return canvasSupport;
}

/**
 * A chart that fails anyway (a chart chunk that failed to load, a drawing error) shows its summary in words
 * instead of taking the page down with it: the numbers it charts are on the page anyway.
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
