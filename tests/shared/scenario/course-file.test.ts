// The learning path file (scenarios/course/) and the buyer fields that place a scenario on it.
import { describe, expect, it } from 'vitest';
import { formatError, loadLibrary } from '../../../shared/src/scenario/load.ts';
import { editFile, VALID } from './library-files.ts';

const BUYER = 'buyers/colour-question.yaml';
const COURSE = `# yaml-language-server: $schema=../schema/course.schema.json
id: basics
name: 基础课
units:
  - id: welcome
    name: 欢迎与响应
    goal: 三秒内问候
    competition: [客户接待与沟通]
    certificate: [售前客户服务：客户接待]
    pass: { scenarios: 1 }
  - id: closing
    name: 促成交易
    goal: 邀请下单
    competition: [异议处理]
    certificate: [售前客户服务：促成交易]
    pass: { score: 85, scenarios: 1 }
`;

/** The valid fixture with a course file, the buyer placed in `unit` and a copy of it in the closing unit. */
function withCourse(course: string, unit = 'welcome') {
  const files = editFile(BUYER, (t) =>
    t.replace(
      'difficulty: 1\n',
      `difficulty: 1\nstage: pre-sale\nunit: ${unit}\nskills: [stock-out]\nmood: calm\n`,
    ),
  );
  const buyer = files.find((f) => f.path.endsWith(BUYER))!;
  const closing = buyer.text
    .replace('id: colour-question', 'id: colour-closing')
    .replace(`unit: ${unit}`, 'unit: closing');
  return [
    ...files,
    { path: `${VALID}/buyers/colour-closing.yaml`, text: closing },
    { path: `${VALID}/course/path.yaml`, text: course },
  ];
}
const errorsOf = (files: Parameters<typeof loadLibrary>[0]) => loadLibrary(files).errors.map(formatError);

describe('the learning path file', () => {
  it('loads the units in order, with the default pass score', () => {
    const { library, errors } = loadLibrary(withCourse(COURSE));
    expect(errors).toEqual([]);
    expect(library.course?.units.map((u) => [u.id, u.pass.score])).toEqual([
      ['welcome', 80],
      ['closing', 85],
    ]);
    expect(library.buyers.get('colour-question')).toMatchObject({
      stage: 'pre-sale',
      unit: 'welcome',
      skills: ['stock-out'],
      mood: 'calm',
    });
  });

  it('defaults a scenario without metadata to no unit, no skills and a calm buyer', () => {
    const { library } = loadLibrary(editFile(BUYER, (t) => t));
    expect(library.course).toBeNull();
    expect(library.buyers.get('colour-question')).toMatchObject({ skills: [], mood: 'calm' });
    expect(library.buyers.get('colour-question')?.unit).toBeUndefined();
  });

  it('suggests the unit a misspelt unit meant, at its position', () => {
    expect(errorsOf(withCourse(COURSE, 'welcom'))).toEqual([
      `${VALID}/${BUYER}:6:7 unit 未知的学习单元 "welcom"，须是学习路径的 units 之一，是不是 "welcome"？`,
      // …and so the unit it meant has no scenario to pass.
      `${VALID}/course/path.yaml:10:24 units[0].pass.scenarios 单元“欢迎与响应”只有 0 个场景（买家场景的 unit: welcome），过关却要通过 1 个：减少要求或给这个单元加场景`,
    ]);
  });

  it('says a unit needs a learning path file when there is none', () => {
    const files = editFile(BUYER, (t) => t.replace('difficulty: 1\n', 'difficulty: 1\nunit: welcome\n'));
    expect(errorsOf(files)).toEqual([
      expect.stringMatching(/colour-question\.yaml:5:7 unit 场景库没有学习路径文件/),
    ]);
  });

  it('refuses an unknown skill, stage or mood by name', () => {
    const files = withCourse(COURSE).map((f) =>
      f.path.endsWith(BUYER)
        ? {
            ...f,
            text: f.text
              .replace('skills: [stock-out]', 'skills: [stockout]')
              .replace('stage: pre-sale', 'stage: presale')
              .replace('mood: calm', 'mood: sad'),
          }
        : f,
    );
    expect(errorsOf(files)).toEqual([
      expect.stringMatching(/:5:8 stage 的值 "presale" 无效，可选：pre-sale \/ in-sale \/ after-sale/),
      expect.stringMatching(/:7:10 skills\[0\] 的值 "stockout" 无效.*是不是 "stock-out"？$/),
      expect.stringMatching(/:8:7 mood 的值 "sad" 无效，可选：calm \/ angry/),
    ]);
  });

  it('refuses a pass mark the unit cannot reach and a repeated unit id', () => {
    const course = COURSE.replace('pass: { scenarios: 1 }', 'pass: { scenarios: 2 }').replace(
      'id: closing',
      'id: welcome',
    );
    expect(errorsOf(withCourse(course))).toEqual([
      `${VALID}/buyers/colour-closing.yaml:6:7 unit 未知的学习单元 "closing"，须是学习路径的 units 之一`,
      `${VALID}/course/path.yaml:10:24 units[0].pass.scenarios 单元“欢迎与响应”只有 1 个场景（买家场景的 unit: welcome），过关却要通过 2 个：减少要求或给这个单元加场景`,
      `${VALID}/course/path.yaml:11:9 units[1].id 重复的单元 id "welcome"`,
    ]);
  });

  it('allows one learning path file only', () => {
    const files = [...withCourse(COURSE), { path: `${VALID}/course/other.yaml`, text: COURSE }];
    expect(errorsOf(files)).toEqual([
      expect.stringMatching(/course\/other\.yaml:2:1 只能有一个学习路径文件，现在有 2 个$/),
      expect.stringMatching(/course\/path\.yaml:2:1 只能有一个学习路径文件，现在有 2 个$/),
    ]);
  });
});
