// A small horizontal bar for one metric against its benchmark: green within it, red beyond, with a
// marker where the benchmark sits. `lowerIsBetter` flips the judgement for rates; without a benchmark
// (dimension scores) the bar is judged against a pass mark and shows no marker.
import { formatScore } from '@kefu/shared/scoring/format';
import { useTranslation } from 'react-i18next';

const PASS_MARK = 60;

export interface MetricBarProps {
  label: string;
  value: number | null;
  benchmark?: number;
  format: (value: number) => string;
  /** Shown under the bar: the benchmark, or the dimension's weight. */
  benchmarkLabel: string;
  lowerIsBetter?: boolean;
  /** The full scale (100 for rates); by default a little beyond the larger of value and benchmark. */
  max?: number;
}

export function MetricBar({
  label,
  value,
  benchmark,
  format,
  benchmarkLabel,
  lowerIsBetter = true,
  max,
}: MetricBarProps) {
  const { t } = useTranslation();
  const scale = max ?? (Math.max(value ?? 0, benchmark ?? 0) * 1.25 || 1);
  const limit = benchmark ?? PASS_MARK;
  const good = value === null ? true : lowerIsBetter ? value <= limit : value >= limit;
  const shown = value === null ? '—' : format(value);
  const width = Math.min(100, ((value ?? 0) / scale) * 100);
  return (
    <div className="metric" role="img" aria-label={`${label} ${shown}${t('app.comma')}${benchmarkLabel}`}>
      <div className="metric-label">
        <span>{label}</span>
        <strong className={good ? 'good' : 'bad'}>{shown}</strong>
      </div>
      <div className="metric-track" aria-hidden="true">
        <div className={`metric-fill ${good ? 'good' : 'bad'}`} style={{ width: `${width}%` }} />
        {benchmark !== undefined ? (
          <div className="metric-mark" style={{ left: `${Math.min(100, (benchmark / scale) * 100)}%` }} />
        ) : null}
      </div>
      <small className="muted">{benchmarkLabel}</small>
    </div>
  );
}

/** The score as a ring gauge (0–100). */
export function ScoreGauge({ score, label }: { score: number; label: string }) {
  const r = 34;
  const c = 2 * Math.PI * r;
  const colour = score >= 80 ? '#389e0d' : score >= 60 ? '#d46b08' : '#cf1322';
  return (
    <svg
      className="gauge"
      width="88"
      height="88"
      viewBox="0 0 88 88"
      role="img"
      aria-label={`${label} ${formatScore(score)}`}
    >
      <circle cx="44" cy="44" r={r} fill="none" stroke="#e8edf5" strokeWidth="8" />
      <circle
        cx="44"
        cy="44"
        r={r}
        fill="none"
        stroke={colour}
        strokeWidth="8"
        strokeDasharray={`${(Math.max(0, Math.min(100, score)) / 100) * c} ${c}`}
        transform="rotate(-90 44 44)"
        strokeLinecap="round"
      />
      <text x="44" y="50" textAnchor="middle" fontSize="20" fontWeight="700" fill="#1f2937">
        {formatScore(score)}
      </text>
    </svg>
  );
}
