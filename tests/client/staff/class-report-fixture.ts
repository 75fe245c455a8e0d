// A class report as GET /api/reports/classes/:id answers it: one class, one student, no drills yet.
import type { ClassReportResponse, ClassView } from '@kefu/shared/protocol';

export const CLASS_A: ClassView = {
  id: 'c1',
  name: '电商2401班',
  joinCode: 'ABCD2345',
  ownerId: 'inst1',
  ownerName: '王老师',
  studentCount: 1,
  rubricId: 'default',
  gradeWeights: { system: 60, exam: 0, teacher: 20, mentor: 10, self: 10 },
  gradeSolo: true,
  createdAt: Date.UTC(2026, 8, 1),
};

export const CLASS_REPORT: ClassReportResponse = {
  class: CLASS_A,
  drills: [],
  drillId: null,
  rows: [
    {
      student: { id: 's1', username: 'zs', displayName: '张三' },
      conversations: 2,
      averageScore: 80,
      firstResponseSeconds: 2,
      averageResponseSeconds: 10,
      violations: 1,
      paid: 1,
      paidOnArrival: 0,
      left: 0,
      within3MinRate: 1,
      conversionRate: 0.5,
      averageOrderAmount: 399,
      returningKeptRate: null,
      grade: {
        weights: { system: 60, exam: 0, teacher: 20, mentor: 10, self: 10 },
        system: 80,
        exam: null,
        teacher: null,
        mentor: null,
        self: null,
        total: 80,
      },
    },
  ],
  benchmarks: { firstResponseSeconds: 3, responseSeconds: 30 },
};
