// The draft-07 JSON Schemas editors use to autocomplete scenario files, generated from the zod schemas so the
// language is written once. `npm run schema` writes them to scenarios/schema/<kind>.schema.json.
import { z } from 'zod';
import { FILE_KINDS, type FileKind } from './schema.ts';

const TITLES: Record<FileKind, string> = {
  product: '商品（scenarios/products/*.yaml）',
  category: '品类（scenarios/categories/*.yaml）：同品类商品共有的事实',
  phrases: '快捷话术库（scenarios/phrases/*.yaml）',
  lexicon: '词库（scenarios/lexicon.yaml）',
  rubric: '评分标准（scenarios/rubrics/*.yaml）',
  buyer: '买家场景（scenarios/buyers/*.yaml）',
  script: '客服脚本（kefu play 的答题脚本）',
  corpus: '评判语料（scenarios/corpus/dev|holdout/*.yaml，kefu judge-eval）',
  course: '学习路径（scenarios/course/path.yaml）：按顺序的单元、技能点和过关标准',
};

/** One schema per file kind. Input shapes: fields with defaults are optional, as authors write them. */
export function generateJsonSchemas(): Record<FileKind, object> {
  const out = {} as Record<FileKind, object>;
  for (const kind of Object.keys(FILE_KINDS) as FileKind[]) {
    const schema = z.toJSONSchema(FILE_KINDS[kind], {
      target: 'draft-7',
      io: 'input',
      unrepresentable: 'any',
    });
    out[kind] = { ...schema, title: TITLES[kind] };
  }
  return out;
}

/** The file text written for a schema: stable key order as generated, two-space indent, final newline. */
export function jsonSchemaText(schema: object): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}
