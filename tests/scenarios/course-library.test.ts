// The shipped library as a semester's course: every scenario is placed on the learning path with its stage,
// unit, skills and mood, and the metadata agrees with what the scenario does.
import { describe, expect, it } from 'vitest';
import { readLibrary } from '../../server/src/cli/read-library.ts';
import { loadLibrary } from '../../shared/src/scenario/load.ts';

const { library, errors } = loadLibrary(readLibrary('scenarios'));
const scenarios = [...library.buyers.values()];

describe('the learning path of the shipped library', () => {
  it('has the seven units in teaching order, each naming the skills it trains', () => {
    expect(errors).toEqual([]);
    expect(library.course?.units.map((u) => u.name)).toEqual([
      '欢迎与响应',
      '商品知识',
      '话术运用',
      '促成交易',
      '催付与跟进',
      '售后处理',
      '综合实战',
    ]);
    for (const unit of library.course!.units) {
      expect(unit.competition.length, unit.id).toBeGreaterThanOrEqual(2);
      expect(unit.certificate.length, unit.id).toBeGreaterThanOrEqual(2);
    }
  });

  it.each(scenarios.map((s) => [s.id, s] as const))('%s has a stage, a unit and skills', (_id, s) => {
    expect(s.stage).toBeDefined();
    expect(s.unit).toBeDefined();
    expect(s.skills.length).toBeGreaterThan(0);
  });

  it('gives every id prefix its stage (pre- 售前, mid- 售中, post- 售后)', () => {
    const wrong = scenarios.filter(
      (s) =>
        (s.id.startsWith('pre-') && s.stage !== 'pre-sale') ||
        (s.id.startsWith('mid-') && s.stage !== 'in-sale') ||
        (s.id.startsWith('post-') && s.stage !== 'after-sale'),
    );
    expect(wrong.map((s) => s.id)).toEqual([]);
  });

  it('marks angry exactly the buyers who leave when a question is dodged', () => {
    const leavesWhenDodged = (id: string) => {
      const s = library.buyers.get(id)!;
      const beats = new Map(s.beats.map((b) => [b.id, b]));
      return s.beats.some((b) => b.on?.dodged !== undefined && beats.get(b.on.dodged)?.leave === true);
    };
    const mismatched = scenarios.filter((s) => (s.mood === 'angry') !== leavesWhenDodged(s.id));
    expect(mismatched.map((s) => s.id)).toEqual([]);
    expect(scenarios.filter((s) => s.mood === 'angry').length).toBeGreaterThanOrEqual(10);
  });
});
