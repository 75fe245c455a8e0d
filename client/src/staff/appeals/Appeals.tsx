// 申诉处理: the appeals of the classes this trainer or instructor reviews — open ones first, each with the
// reply, the judge's verdict and the student's reason, to uphold or overturn with a note — and, per rule,
// how often trainers overturned the judge (a chart with its summary in words), with the decisions as
// judgement-corpus cases to download.
import { MAX_DECISION_NOTE_CHARS } from '@kefu/shared/api/limits';
import type { AppealRuleStat, AppealStatus, AppealVerdict, AppealView } from '@kefu/shared/protocol';
import { explainViolation } from '@kefu/shared/scoring/explain';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { routes } from '../../api/route-links.ts';
import { useLoad } from '../../api/use-load.ts';
import { useServices } from '../../app/context.tsx';
import { FormError } from '../../forms/FormError.tsx';
import { useSubmit } from '../../forms/use-submit.ts';
import { useGo } from '../nav.ts';
import { Chart } from '../reports/Chart.tsx';

type Shown = AppealStatus | 'decided' | 'all';

/** `onDecided`: after each decision here (the staff bar counts the open appeals again). */
export default function Appeals({ onDecided }: { onDecided?: () => void } = {}) {
  const { t } = useTranslation('staff');
  const { api } = useServices();
  const [classId, setClassId] = useState('');
  const [shown, setShown] = useState<Shown>('open');
  const scope = classId ? { classId } : {};
  const classes = useLoad(routes.classes.list);
  const queue = useLoad(routes.appeals.list, { query: scope });
  const stats = useLoad(routes.appeals.stats, { query: scope });
  const reload = () => {
    queue.reload();
    stats.reload();
    onDecided?.();
  };

  const all = queue.data?.appeals ?? [];
  const list = all.filter((a) =>
    shown === 'all' ? true : shown === 'decided' ? a.status !== 'open' : a.status === shown,
  );
  const open = all.filter((a) => a.status === 'open').length;

  return (
    <div className="staff-page">
      <header className="staff-page-head">
        <div>
          <h1>{t('appeals.title')}</h1>
          <p className="muted">{t('appeals.intro')}</p>
        </div>
        <div className="staff-actions no-print">
          <a
            className="secondary"
            href={api.url(routes.appeals.corpus, { query: scope })}
            download={t('appeals.corpusFile')}
          >
            {t('appeals.downloadCorpus')}
          </a>
        </div>
      </header>
      <section className="staff-card appeals-controls no-print">
        <label>
          {t('appeals.class')}
          <select value={classId} onChange={(e) => setClassId(e.target.value)}>
            <option value="">{t('appeals.allClasses')}</option>
            {(classes.data?.classes ?? []).map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('appeals.show')}
          <select value={shown} onChange={(e) => setShown(e.target.value as Shown)}>
            <option value="open">{t('appeals.shown.open', { count: open })}</option>
            <option value="decided">{t('appeals.shown.decided')}</option>
            <option value="all">{t('appeals.shown.all')}</option>
          </select>
        </label>
      </section>
      <FormError error={queue.error ?? stats.error ?? classes.error} />
      <section className="staff-card" aria-labelledby="appeal-queue-title">
        <h2 id="appeal-queue-title">{t('appeals.queue')}</h2>
        {!queue.data ? <p className="muted">{t('common.loading')}</p> : null}
        {queue.data && list.length === 0 ? (
          <p className="empty">{t(shown === 'open' ? 'appeals.noneOpen' : 'appeals.none')}</p>
        ) : null}
        <ol className="appeal-queue">
          {list.map((a) => (
            <AppealCard key={a.id} appeal={a} onDecided={reload} />
          ))}
        </ol>
      </section>
      {stats.data ? <OverturnRates rules={stats.data.rules} /> : null}
    </div>
  );
}

function AppealCard({ appeal: a, onDecided }: { appeal: AppealView; onDecided(): void }) {
  const { t, i18n } = useTranslation('staff');
  const { api } = useServices();
  const go = useGo();
  const [note, setNote] = useState('');
  const decide = useSubmit(async (verdict: AppealVerdict) => {
    await api.call(routes.appeals.decide, { params: { id: a.id }, body: { verdict, note } });
    onDecided();
  });
  // The violation where the report has it now (a re-score may have re-classified it): shown and counted there.
  const v = a.current;
  const verdictText =
    i18n.language === 'en'
      ? explainViolation(v.rule, v.detail ?? {}, 'en', () => null) || v.message
      : v.message;
  const submit = (verdict: AppealVerdict) => {
    if (note.trim() === '') return decide.fail(t('appeals.noteRequired'));
    void decide.run(verdict);
  };
  const noteId = `note-${a.id}`;

  return (
    <li className={`staff-card appeal-card appeal-${a.status}`} data-status={a.status}>
      <p className="appeal-meta">
        <strong>{a.student.displayName}</strong> · {a.className} · {a.scenarioTitle} ·{' '}
        <span className="muted">{new Date(a.createdAt).toLocaleString(i18n.language)}</span>
      </p>
      <p>
        <span className="tag tag-red">{t(`rules.${v.rule}`)}</span> {t('appeals.verdict')}
        {verdictText}
      </p>
      {v.rule !== a.violation.rule ? (
        <p className="muted">{t('appeals.filedAs', { rule: t(`rules.${a.violation.rule}`) })}</p>
      ) : null}
      {a.reply !== null ? (
        <blockquote className="appeal-reply">
          {t('appeals.reply')}
          {a.reply}
        </blockquote>
      ) : null}
      <p>
        {t('appeals.reason')}
        {a.reason}
      </p>
      <button
        type="button"
        className="link-button"
        onClick={() => go({ page: 'conversation', conversationId: a.conversationId })}
      >
        {t('appeals.openConversation')}
      </button>
      {a.decision ? (
        <p className={a.status === 'overturned' ? 'good' : ''}>
          <strong>{t(`appeals.status.${a.status}`)}</strong> ·{' '}
          {t('appeals.decidedBy', {
            name: a.decision.by.displayName,
            date: new Date(a.decision.at).toLocaleString(i18n.language),
          })}
          {t('appeals.noteSep')}
          {a.decision.note}
        </p>
      ) : (
        <form className="appeal-decide" noValidate onSubmit={(e) => e.preventDefault()}>
          <label htmlFor={noteId}>{t('appeals.note')}</label>
          <textarea
            id={noteId}
            rows={2}
            maxLength={MAX_DECISION_NOTE_CHARS}
            value={note}
            placeholder={t('appeals.notePlaceholder')}
            onChange={(e) => setNote(e.target.value)}
          />
          <FormError error={decide.error} />
          <div className="staff-actions">
            <button
              type="button"
              className="primary"
              disabled={decide.busy}
              onClick={() => submit('overturned')}
            >
              {t('appeals.overturn')}
            </button>
            <button
              type="button"
              className="secondary"
              disabled={decide.busy}
              onClick={() => submit('upheld')}
            >
              {t('appeals.uphold')}
            </button>
          </div>
        </form>
      )}
    </li>
  );
}

/** The share of a rule's decided appeals that were overturned, in whole percent. */
const rate = (r: AppealRuleStat) => Math.round((r.overturned / (r.upheld + r.overturned)) * 100);

/** Per rule: of the decided appeals, the share trainers overturned — where the judge is wrong most. */
function OverturnRates({ rules }: { rules: readonly AppealRuleStat[] }) {
  const { t } = useTranslation('staff');
  const decided = useMemo(() => rules.filter((r) => r.upheld + r.overturned > 0), [rules]);
  const option = useMemo(() => {
    const shown = [...decided].reverse();
    return {
      grid: { left: 120, right: 48, top: 8, bottom: 24 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      yAxis: { type: 'category', data: shown.map((r) => t(`rules.${r.rule}`)) },
      series: [
        {
          type: 'bar',
          data: shown.map(rate),
          itemStyle: { color: '#d9480f' },
          barMaxWidth: 22,
          label: { show: true, position: 'right', formatter: '{c}%' },
        },
      ],
    };
  }, [decided, t]);
  const summary =
    decided.length === 0
      ? t('appeals.noDecisions')
      : decided
          .map((r) =>
            t('appeals.rateInWords', {
              rule: t(`rules.${r.rule}`),
              decided: r.upheld + r.overturned,
              overturned: r.overturned,
              rate: rate(r),
            }),
          )
          .join(t('common.listSeparator'));
  return (
    <section className="staff-card" aria-labelledby="appeal-rates-title">
      <h2 id="appeal-rates-title">{t('appeals.ratesTitle')}</h2>
      <p className="muted">{t('appeals.ratesIntro')}</p>
      {decided.length > 0 ? (
        <Chart
          title={t('appeals.chart')}
          summary={summary}
          option={option}
          height={Math.max(140, decided.length * 34 + 40)}
        />
      ) : null}
      <p className="appeal-rates-words">{summary}</p>
      {rules.length > 0 ? (
        <div className="staff-table-wrap">
          <table className="staff-table">
            <thead>
              <tr>
                <th scope="col">{t('appeals.rule')}</th>
                <th scope="col">{t('appeals.appealed')}</th>
                <th scope="col">{t('appeals.openCount')}</th>
                <th scope="col">{t('appeals.upheld')}</th>
                <th scope="col">{t('appeals.overturned')}</th>
                <th scope="col">{t('appeals.rate')}</th>
              </tr>
            </thead>
            <tbody>
              {rules.map((r) => (
                <tr key={r.rule}>
                  <td>{t(`rules.${r.rule}`)}</td>
                  <td>{r.appealed}</td>
                  <td>{r.open}</td>
                  <td>{r.upheld}</td>
                  <td>{r.overturned}</td>
                  <td>{r.upheld + r.overturned === 0 ? '—' : `${rate(r)}%`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
