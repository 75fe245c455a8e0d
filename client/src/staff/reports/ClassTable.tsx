// The class table: one row per student, every column sortable (click the header; aria-sort says how),
// filtered by name and by problem (failing, slow, not yet graded).
import type { ClassReportRow } from '@kefu/shared/protocol';
import type { Benchmarks } from '@kefu/shared/scoring/benchmarks';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { filterRows, type RowFilter, type Sort, type SortKey, sortRows } from './class-table.ts';
import { fmtNum, fmtPercent, fmtSeconds, waitClass } from './format.ts';

const COLUMNS: { key: SortKey; label: string; numeric: boolean }[] = [
  { key: 'name', label: 'table.student', numeric: false },
  { key: 'conversations', label: 'table.conversations', numeric: true },
  { key: 'averageScore', label: 'table.score', numeric: true },
  { key: 'firstResponseSeconds', label: 'table.first', numeric: true },
  { key: 'averageResponseSeconds', label: 'table.average', numeric: true },
  { key: 'violations', label: 'table.violations', numeric: true },
  { key: 'paid', label: 'table.paid', numeric: true },
  { key: 'left', label: 'table.left', numeric: true },
  { key: 'within3MinRate', label: 'table.within3Min', numeric: true },
  { key: 'conversionRate', label: 'table.conversion', numeric: true },
  { key: 'averageOrderAmount', label: 'table.orderValue', numeric: true },
  { key: 'returningKeptRate', label: 'table.returningKept', numeric: true },
  { key: 'total', label: 'table.total', numeric: true },
];

export function ClassTable({
  rows,
  benchmarks,
  onOpen,
  onGrade,
}: {
  rows: readonly ClassReportRow[];
  /** The class rubric's benchmarks (the default rubric's when absent). */
  benchmarks?: Benchmarks;
  onOpen(studentId: string): void;
  onGrade?(row: ClassReportRow): void;
}) {
  const { t } = useTranslation('staff');
  const [sort, setSort] = useState<Sort>({ key: 'averageScore', dir: 'desc' });
  const [text, setText] = useState('');
  const [filter, setFilter] = useState<RowFilter>('all');
  const searchId = useId();
  const filterId = useId();
  const shown = useMemo(() => sortRows(filterRows(rows, text, filter), sort), [rows, text, filter, sort]);

  function toggle(key: SortKey) {
    setSort((s) =>
      s.key === key
        ? { key, dir: s.dir === 'asc' ? 'desc' : 'asc' }
        : { key, dir: key === 'name' ? 'asc' : 'desc' },
    );
  }

  return (
    <div className="staff-table-wrap">
      <div className="staff-filters no-print">
        <label htmlFor={searchId}>{t('table.search')}</label>
        <input
          id={searchId}
          type="search"
          value={text}
          placeholder={t('table.searchHint')}
          onChange={(e) => setText(e.target.value)}
        />
        <label htmlFor={filterId}>{t('table.filter')}</label>
        <select id={filterId} value={filter} onChange={(e) => setFilter(e.target.value as RowFilter)}>
          <option value="all">{t('table.filterAll')}</option>
          <option value="failing">{t('table.filterFailing')}</option>
          <option value="slow">{t('table.filterSlow')}</option>
          <option value="ungraded">{t('table.filterUngraded')}</option>
        </select>
        <span className="muted" aria-live="polite">
          {t('table.count', { shown: shown.length, total: rows.length })}
        </span>
      </div>
      <table className="staff-table">
        <caption className="sr-only">{t('table.caption')}</caption>
        <thead>
          <tr>
            {COLUMNS.map((c) => (
              <th
                key={c.key}
                scope="col"
                className={c.numeric ? 'num' : undefined}
                aria-sort={sort.key === c.key ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}
              >
                <button type="button" className="sort-button" onClick={() => toggle(c.key)}>
                  {t(c.label)}
                  <span aria-hidden="true">
                    {sort.key === c.key ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ''}
                  </span>
                </button>
              </th>
            ))}
            {onGrade ? (
              <th scope="col" className="no-print">
                {t('table.actions')}
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {shown.length === 0 ? (
            <tr>
              <td colSpan={COLUMNS.length + 1} className="empty">
                {rows.length === 0 ? t('table.noStudents') : t('table.noMatch')}
              </td>
            </tr>
          ) : null}
          {shown.map((r) => (
            <tr key={r.student.id}>
              <th scope="row">
                <button type="button" className="link-button" onClick={() => onOpen(r.student.id)}>
                  {r.student.displayName}
                </button>
                <span className="muted"> {r.student.username}</span>
              </th>
              <td className="num">{r.conversations}</td>
              <td className={`num ${r.averageScore !== null && r.averageScore < 60 ? 'bad' : ''}`}>
                {fmtNum(r.averageScore)}
              </td>
              <td className={`num ${waitClass(r.firstResponseSeconds, 'first', benchmarks)}`}>
                {fmtSeconds(r.firstResponseSeconds)}
              </td>
              <td className={`num ${waitClass(r.averageResponseSeconds, 'average', benchmarks)}`}>
                {fmtSeconds(r.averageResponseSeconds)}
              </td>
              <td className="num">{r.violations}</td>
              <td className="num">{r.paid}</td>
              <td className="num">{r.left}</td>
              <td className="num">{fmtPercent(r.within3MinRate)}</td>
              <td className="num">{fmtPercent(r.conversionRate)}</td>
              <td className="num">
                {r.averageOrderAmount === null ? '—' : `¥${fmtNum(r.averageOrderAmount)}`}
              </td>
              <td className="num">{fmtPercent(r.returningKeptRate)}</td>
              <td className="num">
                <strong>{fmtNum(r.grade.total)}</strong>
              </td>
              {onGrade ? (
                <td className="no-print">
                  <button
                    type="button"
                    className="secondary"
                    aria-label={t('table.gradeFor', { name: r.student.displayName })}
                    onClick={() => onGrade(r)}
                  >
                    {t('table.grade')}
                  </button>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
