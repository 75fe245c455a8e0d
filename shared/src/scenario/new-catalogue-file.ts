// New catalogue files made in the studio (新建商品 / 新建品类 / 新建话术库): where such a file lives, the
// starting text an instructor edits (valid as it is), and the check that a file does not take the id of
// another one — laid over the library, it would silently replace that file instead of adding a new one.
import { fileKindOf } from './file-kind.ts';
import { fileIdentity } from './overlay.ts';
import type { SourceError } from './source-error.ts';

interface FileRecord {
  path: string;
  text: string;
}

/** Kinds of catalogue file the studio creates, and their folder under the library's root. */
export const NEW_CATALOGUE_FOLDERS = {
  product: 'products',
  category: 'categories',
  phrases: 'phrases',
} as const;
export type NewCatalogueKind = keyof typeof NEW_CATALOGUE_FOLDERS;

const FILE_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** Where a new file of `kind` named after `id` lives (`root`: the library's folder, e.g. `scenarios/`). */
export function newCataloguePath(root: string, kind: NewCatalogueKind, id: string): string {
  return `${root}${NEW_CATALOGUE_FOLDERS[kind]}/${id}.yaml`;
}

/** Whether `path` is a place a new catalogue file may be created in the library rooted at `root`. */
export function isNewCataloguePath(root: string, path: string): boolean {
  if (!path.startsWith(root)) return false;
  const [folder, name, ...rest] = path.slice(root.length).split('/');
  if (rest.length > 0 || name === undefined || !name.endsWith('.yaml')) return false;
  return (
    Object.values(NEW_CATALOGUE_FOLDERS).includes(folder as never) &&
    FILE_ID.test(name.slice(0, -'.yaml'.length))
  );
}

/**
 * The error when `file` (a product, category or phrase library) declares the id of another file of
 * `files` at a different path; null when its id is its own.
 */
export function idTakenError(
  files: readonly FileRecord[],
  file: FileRecord,
  identityOf: (file: FileRecord) => string | undefined = fileIdentity,
): SourceError | null {
  const identity = identityOf(file);
  if (identity === undefined || identity === 'lexicon' || !isCatalogueIdentity(identity)) return null;
  // Only files of its kind can clash: their kind is read from the path, the others are never parsed.
  const kind = identity.slice(0, identity.indexOf(':'));
  const other = files.find(
    (f) => f.path !== file.path && fileKindOf(f) === kind && identityOf(f) === identity,
  );
  if (!other) return null;
  const at = /^id:[ \t]*/m.exec(file.text);
  const line = at ? file.text.slice(0, at.index).split('\n').length : 1;
  const id = identity.slice(identity.indexOf(':') + 1);
  return {
    file: file.path,
    line,
    col: at ? at[0].length + 1 : 1,
    message: `id "${id}" 已被 ${other.path} 使用：新文件要起一个没用过的 id`,
  };
}

const isCatalogueIdentity = (identity: string) =>
  Object.keys(NEW_CATALOGUE_FOLDERS).some((kind) => identity.startsWith(`${kind}:`));

/** The starting text of a new file of `kind`: valid as it is, with comments saying what to change. */
export function newCatalogueTemplate(kind: NewCatalogueKind, id: string, phraseCode = 'xhs1'): string {
  switch (kind) {
    case 'product':
      return `# yaml-language-server: $schema=../schema/product.schema.json
# 新商品：改好 id（小写字母、数字和连字符，保存后也是文件名）、名称、别名、价格和商品知识，
# 保存草稿，再发布；发布后场景的 products 里就能写这个 id，问题用“商品id.material”这样引用事实。
id: ${id}
name: 新商品
aliases: [这款新商品]
# 品类（可选）：写上 category: apparel 这样的品类 id，就继承那个品类的售后政策。
price: 99
facts:
  colour:
    kind: options
    topic: colour
    options:
      - value: 白色
        aliases: [白的, 米白]
      - value: 黑色
        aliases: [黑的]
  material:
    kind: value
    topic: material
    value: 纯棉
    aliases: [全棉, 棉的]
    wrong: [化纤, 涤纶]
`;
    case 'category':
      return `# yaml-language-server: $schema=../schema/category.schema.json
# 新品类：同品类商品共有的事实（售后政策、发货规则…）。商品写 category: ${id} 就继承这些事实。
id: ${id}
name: 新品类
facts:
  seven-day-return:
    kind: yesno
    topic: after-sale
    value: true
    terms: [七天无理由, 7天无理由, 无理由退货, 无理由退换, 可以退, 能退]
`;
    case 'phrases':
      return `# yaml-language-server: $schema=../schema/phrases.schema.json
# 新话术库：按分组列话术；快捷编码（code）在输入框键入 / 加编码补全，不能和已有的重复。
# 话术里可用变量 {买家}、{商品}、{订单号}。
id: ${id}
name: 新话术库
groups:
  - id: ${id}-greeting
    name: 问候
    phrases:
      - id: ${id}-hello
        code: ${phraseCode}
        title: 欢迎
        text: '{买家}您好，欢迎光临，有什么可以帮您的吗~'
`;
  }
}
