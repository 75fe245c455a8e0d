// How a judgement reads as corpus labels (docs/judge-corpus.md, Agreement): an irrelevant reply leaves an
// open worry unaddressed as it leaves an open question evaded.
import { describe, expect, it } from 'vitest';
import { readLibrary } from '../../../server/src/cli/read-library.ts';
import { judgeCase, judgedLabels } from '../../../shared/src/corpus/evaluate.ts';
import { loadLibrary } from '../../../shared/src/scenario/load.ts';
import { CorpusCaseSchema } from '../../../shared/src/scenario/schema.ts';

const { library } = loadLibrary(readLibrary('scenarios'));
const labelsOf = (reply: string) => {
  const c = CorpusCaseSchema.parse({
    id: 'c1',
    products: ['drum-washer'],
    buyer: '安装师傅把我家地板划了',
    objection: 'after-sale',
    reply,
    expect: { objection: 'addressed' },
  });
  return judgedLabels(c, judgeCase(library, c));
};

describe('objection labels', () => {
  it('an irrelevant reply leaves the worry unaddressed', () => {
    expect(labelsOf('亲，这款洗衣机一级能效很省电哦')).toMatchObject({
      irrelevant: true,
      objection: 'unaddressed',
    });
  });
  it('a courtesy reply leaves it pending, an argument addresses it', () => {
    expect(labelsOf('稍等亲')).toMatchObject({ irrelevant: false, objection: 'pending' });
    expect(labelsOf('实在抱歉，给您补偿，维修费我们出')).toMatchObject({ objection: 'addressed' });
  });
});
