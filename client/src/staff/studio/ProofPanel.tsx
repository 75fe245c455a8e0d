// A proof's progress while it runs (runs done of all, the ones finished listed) and its verdict after.
import { PROOF_SEEDS, type ProofRun, RULE_IDS, type RuleId } from '@kefu/shared';
import { formatScore } from '@kefu/shared/scoring/format';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../forms/FormError.tsx';
import type { ProofState } from './use-studio.ts';

export function ProofPanel({ state, failuresOnly = false }: { state: ProofState; failuresOnly?: boolean }) {
  const { t } = useTranslation('staff');
  if (state.status === 'idle') return null;
  if (state.status === 'failed') {
    return <FormError error={t('studio.proofError', { message: state.message })} />;
  }
  const running = state.status === 'running';
  const failed = state.runs.filter((r) => !r.ok);
  return (
    <section className="staff-card" aria-label={t('studio.prove')} aria-busy={running}>
      {running ? (
        <p role="status">
          {state.total === 0
            ? t('studio.provingStart')
            : t('studio.provingProgress', { done: state.done, total: state.total })}{' '}
          <progress value={state.done} max={state.total || 1} aria-label={t('studio.proving')} />
        </p>
      ) : (
        <p className={failed.length ? 'proof-bad' : 'proof-ok'} role="status">
          {failed.length ? t('studio.proofFail', { count: failed.length }) : t('studio.proofOk')}
        </p>
      )}
      <ProofRuns runs={failuresOnly ? failed : state.runs} />
    </section>
  );
}

export function ProofRuns({ runs }: { runs: readonly ProofRun[] }) {
  const { t } = useTranslation('staff');
  /** Rules by their names (首响超时、顾客流失), never their ids. */
  const ruleNames = (rules: readonly string[]) =>
    rules.map((rule) => t(`rules.${rule}`)).join(t('common.listSeparator')) || t('studio.none');
  /** A proof's problem line (多了 slow-response ×1) with the rule named. */
  const namedRules = (problem: string) =>
    RULE_IDS.reduce((text, rule) => text.replaceAll(rule, t(`rules.${rule}`)), problem);
  return (
    <ul className="proof-runs">
      {runs.map((r) => (
        <li key={`${r.scenarioId}-${r.script}-${r.seed}`} className={r.ok ? 'proof-ok' : 'proof-bad'}>
          {r.ok ? '✔' : '✘'}{' '}
          {r.kind === 'model' ? t('studio.model') : t('studio.counter', { name: r.script })} ·{' '}
          {t('studio.run', { n: PROOF_SEEDS.indexOf(r.seed as (typeof PROOF_SEEDS)[number]) + 1 })} ·{' '}
          {t('studio.score', { score: formatScore(r.report.score) })}
          <span className="muted small">
            {' '}
            · {t('studio.expected', { rules: ruleNames(r.expected) })} ·{' '}
            {t('studio.got', { rules: ruleNames(r.report.violations.map((v) => v.rule)) })}
          </span>
          {r.problems.length ? <span> — {r.problems.map(namedRules).join('；')}</span> : null}
          <Surplus run={r} />
        </li>
      ))}
    </ul>
  );
}

/**
 * The violations a failing run has more of than it should, each with its second and the report's explanation
 * (what happened and what to do instead), so the author sees which reply to change and how.
 */
function Surplus({ run }: { run: ProofRun }) {
  const { t } = useTranslation('staff');
  if (run.ok) return null;
  const allowed = new Map<RuleId, number>();
  for (const rule of run.expected) allowed.set(rule, (allowed.get(rule) ?? 0) + 1);
  const count = (rule: RuleId) => run.report.violations.filter((v) => v.rule === rule).length;
  const extra = run.report.violations.filter((v) => count(v.rule) > (allowed.get(v.rule) ?? 0));
  if (extra.length === 0) return null;
  return (
    <ul className="proof-surplus">
      {extra.map((v) => (
        <li key={v.key}>
          {t('studio.surplus', {
            seconds: Math.round(v.atSeconds),
            rule: t(`rules.${v.rule}`),
            message: v.message,
          })}
        </li>
      ))}
    </ul>
  );
}
