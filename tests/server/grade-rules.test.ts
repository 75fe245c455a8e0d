// The grade's pure rules: what counts (solo practice only when included, graded drills to the system part,
// graded exams to the exam part), the exam part (closed exams only, 0 for one missed), the weighting, and
// when model answers are hidden from a student.
import type { EvaluationView, GradeWeights } from '@kefu/shared';
import { describe, expect, it } from 'vitest';
import { modelAnswersHidden } from '../../server/src/grading/answers.ts';
import { examPart, type GradeScope, gradeOf, gradePart } from '../../server/src/grading/grade.ts';

const scope = (solo: boolean): GradeScope => ({
  solo,
  drills: new Map([
    ['d1', { kind: 'drill', graded: true, closed: true }],
    ['d2', { kind: 'drill', graded: false, closed: true }],
    ['e1', { kind: 'exam', graded: true, closed: true }],
    ['e2', { kind: 'exam', graded: true, closed: true }],
    ['e3', { kind: 'exam', graded: true, closed: false }],
    ['e4', { kind: 'exam', graded: false, closed: true }],
  ]),
});

describe('gradePart', () => {
  it('counts solo practice only when the class includes it', () => {
    expect(gradePart(null, scope(false))).toBeNull();
    expect(gradePart(null, scope(true))).toBe('system');
  });
  it('sends graded drills to the system part and graded exams to the exam part', () => {
    expect(gradePart('d1', scope(false))).toBe('system');
    expect(gradePart('e1', scope(false))).toBe('exam');
  });
  it('leaves out what is not graded and another class’s drills', () => {
    expect(gradePart('d2', scope(true))).toBeNull();
    expect(gradePart('e4', scope(true))).toBeNull();
    expect(gradePart('elsewhere', scope(true))).toBeNull();
  });
});

describe('examPart', () => {
  it('averages per closed graded exam, a missed one as 0, an open or ungraded one not at all', () => {
    const scores = [
      { drillId: 'e1', score: 80 },
      { drillId: 'e1', score: 90 },
      { drillId: 'e3', score: 100 },
      { drillId: 'e4', score: 100 },
    ];
    // e1: 85, e2: missed → 0; mean 42.5.
    expect(examPart(scope(false), scores)).toBe(42.5);
  });
  it('is null before any graded exam closed', () => {
    const open: GradeScope = {
      solo: false,
      drills: new Map([['e3', { kind: 'exam', graded: true, closed: false }]]),
    };
    expect(examPart(open, [{ drillId: 'e3', score: 90 }])).toBeNull();
    expect(examPart({ solo: true, drills: new Map() }, [])).toBeNull();
  });
});

describe('gradeOf', () => {
  const weights: GradeWeights = { system: 40, exam: 40, teacher: 20, mentor: 0, self: 0 };
  const teacher: EvaluationView = {
    id: 'v',
    studentId: 's',
    classId: 'c',
    conversationId: null,
    authorId: 'a',
    authorName: '讲师',
    kind: 'teacher',
    score: 100,
    comment: '',
    createdAt: 0,
  };
  it('weighs the exam part beside the others', () => {
    expect(gradeOf(weights, { system: 50, exam: 80 }, [teacher]).total).toBe(72);
  });
  it('leaves out missing parts and renormalises', () => {
    expect(gradeOf(weights, { system: null, exam: 80 }, []).total).toBe(80);
    expect(gradeOf(weights, { system: 50, exam: null }, [teacher]).total).toBe(66.7);
    expect(gradeOf(weights, { system: null, exam: null }, []).total).toBeNull();
  });
});

describe('modelAnswersHidden', () => {
  const exam = (status: 'draft' | 'running' | 'finished') => ({
    id: 'e1',
    kind: 'exam' as const,
    status,
    versions: JSON.stringify({ 'fit-worry': 'v1' }),
  });
  const drill = {
    id: 'd1',
    kind: 'drill' as const,
    status: 'running' as const,
    versions: '{"fit-worry":"v1"}',
  };
  it('hides the exam’s own receptions and solo practice of its scenarios until it closes', () => {
    for (const status of ['draft', 'running'] as const) {
      expect(modelAnswersHidden([exam(status)], { drill_id: 'e1', scenario_id: 'fit-worry' })).toBe(true);
      expect(modelAnswersHidden([exam(status)], { drill_id: null, scenario_id: 'fit-worry' })).toBe(true);
    }
    expect(modelAnswersHidden([exam('finished')], { drill_id: 'e1', scenario_id: 'fit-worry' })).toBe(false);
  });
  it('shows them for other scenarios and for drills', () => {
    expect(modelAnswersHidden([exam('running')], { drill_id: null, scenario_id: 'price-objection' })).toBe(
      false,
    );
    expect(modelAnswersHidden([drill], { drill_id: 'd1', scenario_id: 'fit-worry' })).toBe(false);
  });
});
