// One name per scoring dimension and per rule, in both languages: what a student reads on their summary is
// what their instructor reads in the replay, the rubric editor and the class report. And grade weights read
// as shares (系统分 60%), never as multipliers.
import { DIMENSIONS, RULE_IDS } from '@kefu/shared';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { en } from '../../../client/src/i18n/en.ts';
import { zhCN } from '../../../client/src/i18n/zh-CN.ts';
import { staffEn } from '../../../client/src/staff/i18n/en.ts';
import { staffZhCN } from '../../../client/src/staff/i18n/zh-CN.ts';
import { weightShares } from '../../../client/src/staff/reports/format.ts';
import { StudentReport } from '../../../client/src/staff/reports/StudentReport.tsx';
import '../../../client/src/staff/i18n/index.ts';
import { setup } from '../harness.tsx';
import { fakeHttp } from './fake-http.ts';

describe('names', () => {
  it.each([
    ['zh-CN', zhCN, staffZhCN],
    ['en', en, staffEn],
  ] as const)(
    '%s: every dimension and rule has the same name for students and staff',
    (_, student, staff) => {
      for (const d of DIMENSIONS) {
        expect(student.summary.dimension[d], d).toBe((staff.dimensions as Record<string, string>)[d]);
      }
      for (const r of RULE_IDS) {
        expect(student.rules[r], r).toBe((staff.rules as Record<string, string>)[r]);
      }
    },
  );

  it('the courtesy dimension is 服务态度 in Chinese', () => {
    expect(staffZhCN.dimensions.courtesy).toBe('服务态度');
    expect(zhCN.summary.dimension.courtesy).toBe('服务态度');
  });
});

describe('grade weights', () => {
  it('are shown as shares of the total', () => {
    expect(weightShares({ system: 60, teacher: 20, mentor: 10, self: 10 })).toEqual({
      system: '60%',
      teacher: '20%',
      mentor: '10%',
      self: '10%',
    });
    // Weights that do not add up to 100 still read as what they mean.
    expect(weightShares({ system: 3, teacher: 1, mentor: 0, self: 0 })).toEqual({
      system: '75%',
      teacher: '25%',
      mentor: '0%',
      self: '0%',
    });
    expect(weightShares({ a: 0, b: 0 })).toEqual({ a: '—', b: '—' });
  });

  it('the student report names each part with its share: 系统分 60%', async () => {
    const http = fakeHttp({
      'GET /api/reports/students/s1?classId=c1': () => ({
        student: {
          id: 's1',
          username: 'zs',
          displayName: '张三',
          role: 'student',
          mustChangePassword: false,
        },
        aggregate: null,
        conversations: [],
        evaluations: [],
        grade: {
          weights: { system: 60, teacher: 20, mentor: 10, self: 10 },
          system: 80,
          teacher: null,
          mentor: null,
          self: null,
          total: 80,
        },
      }),
      'GET /api/classes/c1/drills': () => ({ drills: [] }),
      'GET /api/scenarios': () => ({ scenarios: [] }),
    });
    const { render } = await setup({ http });
    render(<StudentReport classId="c1" studentId="s1" />);
    const system = await screen.findByText('系统分', { exact: false, selector: 'dt' });
    expect(system.textContent).toBe('系统分 60%');
    expect(document.body.textContent).not.toContain('×');
  });

  it('the student report says finished solo practice the class does not count is not counted, not that nothing finished', async () => {
    const http = fakeHttp({
      'GET /api/reports/students/s1?classId=c1': () => ({
        student: {
          id: 's1',
          username: 'zs',
          displayName: '张三',
          role: 'student',
          mustChangePassword: false,
        },
        aggregate: null,
        conversations: [
          {
            conversationId: 'k1',
            scenarioId: 'jacket-colour-size',
            scenarioTitle: '羽绒服选颜色和尺码',
            drillId: null,
            startedAt: Date.UTC(2026, 11, 1, 2),
            status: 'ended',
            abandoned: false,
            score: 26.3,
            outcome: 'left',
            violations: 3,
          },
        ],
        evaluations: [],
        grade: {
          weights: { system: 60, teacher: 20, mentor: 10, self: 10 },
          system: null,
          teacher: null,
          mentor: null,
          self: null,
          total: null,
        },
      }),
      'GET /api/classes/c1/drills': () => ({ drills: [] }),
      'GET /api/scenarios': () => ({ scenarios: [] }),
    });
    const { render } = await setup({ http });
    render(<StudentReport classId="c1" studentId="s1" />);
    await screen.findByText('羽绒服选颜色和尺码');
    expect(document.body.textContent).not.toContain('还没有结束的对话');
    expect(document.body.textContent).not.toContain('没有违规');
    expect(screen.getAllByText(/还没有计入本班成绩的对话/)).toHaveLength(2);
  });

  it('in English, the charts’ summaries in words use English commas', async () => {
    const ended = (id: string, day: number, score: number) => ({
      conversationId: id,
      scenarioId: 'jacket-colour-size',
      scenarioTitle: '羽绒服选颜色和尺码',
      drillId: null,
      startedAt: Date.UTC(2026, 11, day, 2),
      status: 'ended',
      abandoned: false,
      score,
      outcome: 'left',
      violations: 1,
    });
    const http = fakeHttp({
      'GET /api/reports/students/s1?classId=c1': () => ({
        student: {
          id: 's1',
          username: 'zs',
          displayName: '张三',
          role: 'student',
          mustChangePassword: false,
        },
        aggregate: null,
        conversations: [ended('k1', 1, 26.3), ended('k2', 2, 80)],
        evaluations: [],
        grade: {
          weights: { system: 60, teacher: 20, mentor: 10, self: 10 },
          system: null,
          teacher: null,
          mentor: null,
          self: null,
          total: null,
        },
      }),
      'GET /api/classes/c1/drills': () => ({ drills: [] }),
      'GET /api/scenarios': () => ({ scenarios: [] }),
    });
    const { render } = await setup({ http, language: 'en' });
    render(<StudentReport classId="c1" studentId="s1" />);
    for (const summary of await screen.findAllByText(/2026-12-01: 26.3/)) {
      expect(summary.textContent).toContain(', ');
      expect(summary.textContent).not.toContain('，');
    }
  });
});
