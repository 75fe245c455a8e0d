// Number inputs for a set of weights, each with its share of the total beside it (系统分 60%): the class's
// grade weights and a rubric's dimension weights are edited the same way.
import { useId } from 'react';

export function WeightFields<K extends string>({
  keys,
  values,
  label,
  onChange,
}: {
  keys: readonly K[];
  values: Record<K, string>;
  label(key: K): string;
  onChange(key: K, value: string): void;
}) {
  const uid = useId();
  const total = keys.reduce((sum, k) => {
    const n = Number(values[k]);
    return sum + (Number.isFinite(n) ? n : 0);
  }, 0);
  return (
    <>
      {keys.map((k) => {
        const n = Number(values[k]);
        return (
          <div key={k} className="weight-field">
            <label htmlFor={`${uid}-${k}`}>{label(k)}</label>
            <input
              id={`${uid}-${k}`}
              type="number"
              min={0}
              max={100}
              value={values[k]}
              onChange={(e) => onChange(k, e.target.value)}
            />
            <small className="muted">
              {total > 0 && Number.isFinite(n) ? `${Math.round((n / total) * 100)}%` : '—'}
            </small>
          </div>
        );
      })}
    </>
  );
}
