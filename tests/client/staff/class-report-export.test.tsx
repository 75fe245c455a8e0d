// The class report offers both of the class's CSV exports side by side, each asking the server for the
// UI's language (its header row and file name): grades.csv (per drill) and export.csv (per student).
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ClassReport } from '../../../client/src/staff/reports/ClassReport.tsx';
import '../../../client/src/staff/i18n/index.ts';
import { setup } from '../harness.tsx';
import { CLASS_REPORT } from './class-report-fixture.ts';
import { fakeHttp } from './fake-http.ts';

async function reportAsTrainer(language: 'zh-CN' | 'en') {
  const http = fakeHttp({ 'GET /api/reports/classes/c1': () => CLASS_REPORT });
  const h = await setup({ http, language });
  h.stores.session.getState().setUser({
    id: 't1',
    username: 'mentor1',
    displayName: '李导师',
    role: 'trainer',
    mustChangePassword: false,
  });
  h.render(<ClassReport classId="c1" />);
  return h;
}

/** The link's target as the browser would request it (path and query). */
function target(link: HTMLElement): string {
  const url = new URL(link.getAttribute('href')!, 'http://localhost');
  return `${url.pathname}${url.search}`;
}

describe('ClassReport exports', () => {
  it('links the per-student summary (export.csv) beside grades.csv, both in Chinese by default', async () => {
    await reportAsTrainer('zh-CN');
    const summary = await screen.findByRole('link', { name: '导出学员汇总 CSV' });
    const grades = screen.getByRole('link', { name: '导出成绩 CSV' });
    expect(target(summary)).toBe('/api/reports/classes/c1/export.csv?lang=zh-CN');
    expect(target(grades)).toBe('/api/reports/classes/c1/grades.csv?lang=zh-CN');
    expect(summary.hasAttribute('download')).toBe(true);
    // Side by side in the page's actions.
    expect(summary.parentElement).toBe(grades.parentElement);
  });

  it('asks for the English file when the UI is in English', async () => {
    await reportAsTrainer('en');
    const summary = await screen.findByRole('link', { name: 'Export student summary (CSV)' });
    expect(target(summary)).toBe('/api/reports/classes/c1/export.csv?lang=en');
    expect(target(screen.getByRole('link', { name: 'Export grades (CSV)' }))).toBe(
      '/api/reports/classes/c1/grades.csv?lang=en',
    );
  });
});
