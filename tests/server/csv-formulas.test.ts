// Every CSV export opens in Excel with what users typed as text, never as a formula: a cell starting with
// = + - @ (or their full-width forms, a tab, a carriage return) is prefixed with ', and a cell holding a line
// break is quoted — unquoted, a lone CR or LF ends Excel's row there, and what follows it (=HYPERLINK(…))
// starts a row of its own as a formula. A student's display name with a line break once did exactly that.
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { toCsv } from '../../server/src/grading/csv.ts';
import { api, seedUser, startApp } from './helpers/server.ts';

const FORMULA_START = /^[=+\-@\t\r＝＋－＠]/;

/** The cells of a CSV as Excel-like readers split them (a bare CR or LF ends a record). */
const cellsOf = (csv: string): string[][] =>
  parse(csv.replace(/^\uFEFF/, ''), { relax_column_count: true, record_delimiter: ['\r\n', '\n', '\r'] });

describe('CSV formula injection', () => {
  it('defuses a formula at the start of any cell, and after any line break inside one', () => {
    const hostile = [
      '=HYPERLINK("http://x","点我")',
      '+1+1',
      '-2+3',
      '@SUM(A1)',
      '\t=1',
      '\r=1',
      '＝1+1',
      '张三\r=1+1',
      '李四\n=2+2',
      '王五\r\n=3+3',
    ];
    const rows = cellsOf(toCsv([hostile]));
    expect(rows).toHaveLength(1);
    for (const cell of rows[0]!) expect(cell).not.toMatch(FORMULA_START);
  });

  it('keeps a stored name with a line break in its own cell of export.csv and grades.csv; a new one is refused', async () => {
    const server = await startApp();
    try {
      const owner = await seedUser(server.app, 'instructor');
      const cls = await api(server, 'POST', '/api/classes', { as: owner, body: { name: '导出班' } });
      // A name typed with a line break is refused now (fields.ts), but names stored before stay as they were.
      const refused = await api(server, 'POST', '/api/auth/register', {
        body: {
          joinCode: cls.body.class.joinCode,
          username: 'csv_name',
          displayName: '张三\r=1+1',
          password: 'a-long-password-1',
        },
      });
      expect(refused.status).toBe(400);
      expect(refused.body.error.message).toContain('姓名只能写一行');
      // No comma or quote in it: nothing else makes the writer quote the cell.
      const stored = await server.app.users.create(
        { username: 'csv_name', displayName: '张三\r=1+1', role: 'student', passwordHash: 'x' },
        Date.now(),
      );
      await server.app.classes.addMember(cls.body.class.id, stored.id, 'student', Date.now());
      for (const file of ['export.csv', 'grades.csv']) {
        const res = await api(server, 'GET', `/api/reports/classes/${cls.body.class.id}/${file}`, {
          as: owner,
        });
        expect(res.status).toBe(200);
        const rows = cellsOf(res.text);
        expect(rows, file).toHaveLength(2);
        for (const cell of rows.flat()) expect(cell, file).not.toMatch(FORMULA_START);
      }
    } finally {
      await server.close();
      server.cleanup();
    }
  });
});
