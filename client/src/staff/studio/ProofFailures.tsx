// The scenarios a catalogue change breaks, each at its place (file:line:col) with what its failing run got
// wrong — rules by their names in the UI language, never their ids — and what to change.
import type { ProofFailure } from '@kefu/shared';
import { useTranslation } from 'react-i18next';

export function ProofFailures({ failures }: { failures: readonly ProofFailure[] }) {
  const { t } = useTranslation('staff');
  const rule = (id: string) => t(`rules.${id}`);
  return (
    <ul className="studio-problems" aria-label={t('studio.failuresLabel', { count: failures.length })}>
      {failures.map((f) => {
        const script = f.kind === 'model' ? t('studio.model') : t('studio.counter', { name: f.script });
        const lines = [
          ...f.extra.map((r) =>
            f.kind === 'model'
              ? t('studio.failExtraModel', { rule: rule(r.rule), times: r.times })
              : t('studio.failExtraCounter', { rule: rule(r.rule), times: r.times }),
          ),
          ...f.missing.map((r) => t('studio.failMissing', { rule: rule(r.rule), times: r.times })),
          ...(f.lowScore === null ? [] : [t('studio.failScore', { score: f.lowScore })]),
          ...f.other,
        ];
        return (
          <li key={`${f.scenarioId}:${f.script}`}>
            <strong>“{f.title}”</strong> · <code>{`${f.file}:${f.line}:${f.col}`}</code> · {script}
            <ul>
              {lines.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </li>
        );
      })}
    </ul>
  );
}
