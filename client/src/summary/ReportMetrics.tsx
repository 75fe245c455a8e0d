// A report's numbers: response times against the benchmarks and the score of each dimension.
import type { ReportView as Report } from '@kefu/shared/protocol';
import type { Benchmarks } from '@kefu/shared/scoring/benchmarks';
import { useTranslation } from 'react-i18next';
import { MetricBar } from './MetricBar.tsx';

/** `benchmarks`: the rubric's the conversation was scored with (its view carries them). */
export function ReportMetrics({ report, benchmarks }: { report: Report; benchmarks: Benchmarks }) {
  const { firstResponseSeconds: firstBenchmark, responseSeconds: replyBenchmark } = benchmarks;
  const { t } = useTranslation();
  const m = report.metrics;
  const seconds = (v: number) => t('summary.seconds', { value: Math.round(v * 10) / 10 });
  const percent = (v: number) => `${Math.round(v)}%`;
  return (
    <div className="summary-grid">
      <section aria-label={t('summary.metrics')}>
        <h3>{t('summary.metrics')}</h3>
        <MetricBar
          label={t('summary.firstResponse')}
          value={m.firstResponseSeconds}
          benchmark={firstBenchmark}
          format={seconds}
          benchmarkLabel={t('summary.benchmark', { value: seconds(firstBenchmark) })}
        />
        <MetricBar
          label={t('summary.averageResponse')}
          value={m.averageResponseSeconds}
          benchmark={replyBenchmark}
          format={seconds}
          benchmarkLabel={t('summary.benchmark', { value: seconds(replyBenchmark) })}
        />
        <MetricBar
          label={t('summary.maxResponse')}
          value={m.maxResponseSeconds}
          benchmark={replyBenchmark}
          format={seconds}
          benchmarkLabel={t('summary.benchmark', { value: seconds(replyBenchmark) })}
        />
        <MetricBar
          label={t('summary.within3Min')}
          value={m.within3MinRate === null ? null : m.within3MinRate * 100}
          benchmark={100}
          max={100}
          lowerIsBetter={false}
          format={percent}
          benchmarkLabel={t('summary.benchmark', { value: '100%' })}
        />
      </section>
      <section aria-label={t('summary.dimensions')}>
        <h3>{t('summary.dimensions')}</h3>
        {report.dimensions.map((d) => (
          <MetricBar
            key={d.id}
            label={t(`summary.dimension.${d.id}`)}
            value={d.score * 100}
            max={100}
            lowerIsBetter={false}
            format={percent}
            benchmarkLabel={t('summary.weight', { value: Math.round(d.weight) })}
          />
        ))}
      </section>
    </div>
  );
}
