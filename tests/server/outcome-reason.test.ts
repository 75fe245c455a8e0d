// A mid-sale buyer who came with the order already paid and left over a change never made: the log says 已付款,
// the outcome dimension says 0. Every place the outcome appears says the buyer brought that order — the
// conversation's report (why, as data the views put in words), the student's list of receptions, the student's
// totals, and both CSV exports (成交, and of those, paid on arrival).
import type { ClassReportResponse, ConversationReportResponse, StudentReportResponse } from '@kefu/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { playConversation } from '../e2e/staff-server.ts';
import { ManualClock } from './helpers/manual-clock.ts';
import { api, newClass, seedUser, startServer, type TestServer, type TestUser } from './helpers/server.ts';

let server: TestServer;
let clock: ManualClock;
let instructor: TestUser;
let student: TestUser;
let classId: string;
let midSale: string;
let preSale: string;

function csvLines(text: string): string[][] {
  return text
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n')
    .map((line) => line.split(','));
}

beforeAll(async () => {
  clock = new ManualClock(Date.UTC(2026, 10, 20, 2, 0, 0));
  server = await startServer({ clock, seedSource: () => 7 });
  instructor = await seedUser(server.app, 'instructor', 'outcome_inst');
  student = await seedUser(server.app, 'student', 'outcome_student');
  classId = await newClass(server, instructor, [student]);
  await api(server, 'PATCH', `/api/classes/${classId}`, { as: instructor, body: { gradeSolo: true } });
  midSale = await playConversation(server, clock, student, 'mid-change-size-shoes', '只说改好了，订单没改');
  preSale = await playConversation(server, clock, student, 'pre-flask-gift-engrave');
});

afterAll(async () => {
  await server?.close();
  server?.cleanup();
});

describe('a buyer who brought the paid order', () => {
  it('the report says so beside 已付款 and outcome 0; a pre-sale report has no such reason', async () => {
    const res = await api<ConversationReportResponse>(
      server,
      'GET',
      `/api/reports/conversations/${midSale}`,
      {
        as: student,
      },
    );
    expect(res.status).toBe(200);
    const { report } = res.body;
    expect(report.metrics.outcome).toBe('paid');
    expect(report.dimensions.find((d) => d.id === 'outcome')?.score).toBe(0);
    expect(report.outcomeReason).toEqual({
      brought: 'paid',
      goalBrought: true,
      paidSince: false,
      left: true,
      replied: true,
      counted: true,
    });
    const pre = await api<ConversationReportResponse>(
      server,
      'GET',
      `/api/reports/conversations/${preSale}`,
      {
        as: student,
      },
    );
    expect(pre.body.report.outcomeReason).toBeNull();
  });

  it('the student’s receptions say what the buyer brought, and the totals how many paid on arrival', async () => {
    const res = await api<StudentReportResponse>(
      server,
      'GET',
      `/api/reports/students/${student.user.id}?classId=${classId}`,
      { as: instructor },
    );
    expect(res.status).toBe(200);
    const byId = new Map(res.body.conversations.map((c) => [c.conversationId, c]));
    expect(byId.get(midSale)).toMatchObject({ outcome: 'paid', brought: 'paid' });
    expect(byId.get(preSale)).toMatchObject({ outcome: 'paid', brought: null });
    expect(res.body.aggregate?.metrics.outcomes.paid).toBe(2);
    expect(res.body.aggregate?.metrics.paidOnArrival).toBe(1);
    // 客单价 is over the buyers the reception sold to: the order the buyer brought is not one of them.
    const preSalePaid = await api<ConversationReportResponse>(
      server,
      'GET',
      `/api/reports/conversations/${preSale}`,
      { as: student },
    );
    expect(preSalePaid.body.report.metrics.paidAmount).toBeGreaterThan(0);
    expect(res.body.aggregate?.metrics.averageOrderAmount).toBe(preSalePaid.body.report.metrics.paidAmount);
  });

  it('the class table and both CSV exports count it as 成交, and of those, paid on arrival', async () => {
    const table = await api<ClassReportResponse>(server, 'GET', `/api/reports/classes/${classId}`, {
      as: instructor,
    });
    const row = table.body.rows.find((r) => r.student.id === student.user.id)!;
    expect([row.paid, row.paidOnArrival]).toEqual([2, 1]);
    for (const [file, lang, paid, onArrival] of [
      ['export.csv', 'zh-CN', '成交', '其中买家来时已付款'],
      ['grades.csv', 'zh-CN', '成交', '其中买家来时已付款'],
      ['export.csv', 'en', 'Paid', 'Of which paid on arrival'],
      ['grades.csv', 'en', 'Paid', 'Of which paid on arrival'],
    ] as const) {
      const res = await api(server, 'GET', `/api/reports/classes/${classId}/${file}?lang=${lang}`, {
        as: instructor,
      });
      const [header, ...rows] = csvLines(res.text);
      const cells = rows.find((r) => r[0] === 'outcome_student')!;
      expect([cells[header!.indexOf(paid)], cells[header!.indexOf(onArrival)]], `${file} ${lang}`).toEqual([
        '2',
        '1',
      ]);
    }
  });
});
