// What an import did, row by row in the list's order, with the one-time passwords shown this once: a table
// on screen, slips on paper (print), and the same sheet as a file to keep.
import type { ImportStudentsResponse } from '@kefu/shared/protocol';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { saveTextFile } from '../../app/save-file.ts';
import {
  passwordSheetHtml,
  type SheetEntry,
  type SheetWords,
  sheetEntries,
  sheetFileName,
} from './password-sheet.ts';

export function ImportResult({
  result,
  onAnother,
}: {
  result: ImportStudentsResponse;
  onAnother: () => void;
}) {
  const { t, i18n } = useTranslation('roster');
  const { class: cls, students } = result;
  const entries = useMemo(() => sheetEntries(students), [students]);
  const words = t('sheet', { returnObjects: true }) as SheetWords;
  const loginUrl = `${window.location.origin}/`;
  const download = () =>
    saveTextFile(
      sheetFileName(cls.name, words.title),
      passwordSheetHtml({ className: cls.name, loginUrl, entries }, words, i18n.language),
      'text/html',
    );

  return (
    <>
      <section className="staff-card roster-result no-print" aria-labelledby="roster-done">
        <p id="roster-done" className="good" role="status">
          {t('done', {
            count: students.length,
            created: entries.length,
            existing: students.length - entries.length,
          })}
        </p>
        {entries.length > 0 ? (
          <div className="roster-once" role="note">
            <strong>{t('onceTitle')}</strong>
            <p>{t('onceNote')}</p>
            <div className="staff-actions">
              <button type="button" className="primary" onClick={() => window.print()}>
                {t('print')}
              </button>
              <button type="button" className="secondary" onClick={download}>
                {t('download')}
              </button>
            </div>
          </div>
        ) : null}
        <div className="staff-table-wrap">
          <table className="staff-table compact">
            <caption className="sr-only">{t('caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('studentNo')}</th>
                <th scope="col">{t('name')}</th>
                <th scope="col">{t('password')}</th>
              </tr>
            </thead>
            <tbody>
              {students.map((s) => (
                <tr key={s.user.username}>
                  <td>{s.user.username}</td>
                  <th scope="row">{s.user.displayName}</th>
                  <td>
                    {s.password !== null ? (
                      <code className="secret-password">{s.password}</code>
                    ) : s.enrolled ? (
                      <span className="muted">{t('existingEnrolled')}</span>
                    ) : (
                      <span className="muted">{t('existingNotEnrolled', { code: cls.joinCode })}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <button type="button" className="secondary" onClick={onAnother}>
          {t('another')}
        </button>
      </section>
      <PasswordSlips className={cls.name} loginUrl={loginUrl} entries={entries} words={words} />
    </>
  );
}

/** Only on paper: one slip per new account, two to a row, to cut along the dashed lines. */
function PasswordSlips(props: {
  className: string;
  loginUrl: string;
  entries: SheetEntry[];
  words: SheetWords;
}) {
  const { className, loginUrl, entries, words } = props;
  if (entries.length === 0) return null;
  return (
    <section className="password-sheet print-only" aria-hidden="true">
      <h1>
        {className} · {words.title}
      </h1>
      <div className="slips">
        {entries.map((e) => (
          <div className="slip" key={e.username}>
            <div className="who">{e.name}</div>
            <div>
              <span>{words.username}</span>
              <code>{e.username}</code>
            </div>
            <div>
              <span>{words.password}</span>
              <code>{e.password}</code>
            </div>
            <div className="small">
              {words.loginAt} {loginUrl}
            </div>
            <div className="small">{words.note}</div>
          </div>
        ))}
      </div>
    </section>
  );
}
