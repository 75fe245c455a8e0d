// 导入学员名单: an instructor or admin turns a class list (CSV with 学号, 姓名, or its rows pasted from the
// spreadsheet) into student accounts in one go. The one-time passwords are shown once, here, beside a
// printable A4 sheet of slips and a download of the same sheet; nothing keeps them once the page is left.
import type { ImportStudentsResponse } from '@kefu/shared/protocol';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { routes } from '../../api/route-links.ts';
import { useLoad } from '../../api/use-load.ts';
import { useServices } from '../../app/context.tsx';
import { Field } from '../../forms/Field.tsx';
import { FormError } from '../../forms/FormError.tsx';
import { useSubmit } from '../../forms/use-submit.ts';
import { useGo } from '../nav.ts';
import { readClassListFile } from './class-list-file.ts';
import { ImportResult } from './ImportResult.tsx';
import './i18n.ts';
import './roster.css';

export default function ClassImport({ classId }: { classId: string }) {
  const { t } = useTranslation('roster');
  const { api } = useServices();
  const go = useGo();
  const detail = useLoad(routes.classes.get, { params: { id: classId } });
  const [file, setFile] = useState<{ name: string; csv: string } | null>(null);
  // Rows pasted from the spreadsheet: the server reads them as it reads a file. One list at a time, so
  // choosing a file empties the box and typing in the box drops the file.
  const [pasted, setPasted] = useState('');
  const picker = useRef<HTMLInputElement>(null);
  const [result, setResult] = useState<ImportStudentsResponse | null>(null);
  const choose = useSubmit(async (chosen: File) => {
    setFile({ name: chosen.name, csv: await readClassListFile(chosen) });
    setPasted('');
  });
  const upload = useSubmit(async (csv: string) => {
    setResult(await api.classes.importStudents({ params: { id: classId }, body: { csv } }));
    setFile(null);
    setPasted('');
  });
  const list = file?.csv ?? (pasted.trim() === '' ? null : pasted);
  const cls = result?.class ?? detail.data?.class;

  return (
    <div className="staff-page roster-page">
      <header className="staff-page-head no-print">
        <h1>{cls ? t('classTitle', { name: cls.name }) : t('title')}</h1>
        <button type="button" className="secondary" onClick={() => go({ page: 'home' })}>
          {t('back')}
        </button>
      </header>
      <FormError error={detail.error} />
      {result && cls ? (
        <ImportResult result={result} onAnother={() => setResult(null)} />
      ) : (
        <form
          className="staff-card roster-form no-print"
          onSubmit={(e) => {
            e.preventDefault();
            if (list) void upload.run(list);
          }}
        >
          <p className="muted">{t('hint')}</p>
          <Field label={t('file')}>
            {(control) => (
              // The browser's own file button speaks the browser's language ("Choose file / No file chosen"):
              // it stays hidden behind a button and a line in the page's language.
              <span className="file-pick">
                <input
                  {...control}
                  ref={picker}
                  type="file"
                  accept=".csv,text/csv"
                  hidden
                  onChange={(e) => {
                    const chosen = e.target.files?.[0];
                    upload.fail(null);
                    if (chosen) void choose.run(chosen);
                    else setFile(null);
                  }}
                />
                <button type="button" className="secondary" onClick={() => picker.current?.click()}>
                  {t(file ? 'chooseAgain' : 'choose')}
                </button>
                <span className="muted">{file ? t('chosen', { file: file.name }) : t('noFile')}</span>
              </span>
            )}
          </Field>
          <Field label={t('paste')} hint={t('pasteHint')} className="field roster-paste">
            {(control) => (
              <textarea
                {...control}
                rows={6}
                value={pasted}
                onChange={(e) => {
                  setPasted(e.target.value);
                  upload.fail(null);
                  if (file) {
                    setFile(null);
                    if (picker.current) picker.current.value = '';
                  }
                }}
              />
            )}
          </Field>
          <FormError error={choose.error ?? upload.error} />
          <button type="submit" className="primary" disabled={!list || upload.busy || !cls}>
            {t('submit')}
          </button>
        </form>
      )}
    </div>
  );
}
