// `kefu check [paths…]`: validates scenario files; exit 0 with a summary, or 1 with one `file:line:col message`
// line per error on stderr.
import { formatError, loadLibrary, overlayFiles, type SourceError } from '@kefu/shared/scenario';
import { commonArgs } from '../args.ts';
import { type FileRecord, readAssets, readLibrary, readYamlFiles } from '../read-library.ts';

export const HELP = `用法：npx kefu check [路径…] [--root 目录]

检查场景文件（商品、品类、话术、词库、评分标准、买家场景、学习路径、客服脚本、评判语料）。
  不写路径：检查整个场景库（默认 scenarios/）。
  写了路径（文件或文件夹）：把它们叠加在场景库上检查，交叉引用照常解析，只报告这些文件的问题。
  --root 目录   场景库所在目录（默认 scenarios）

全部通过时退出码 0，并打印摘要；有问题时退出码 1，每个问题一行写到 stderr：
  文件:行:列 字段 说明
警告（文件有效，但不会按作者的意思运行，如话术变量在这个场景里没有值）也写到 stderr，以“警告：”开头，不影响退出码。`;

function summary(files: readonly FileRecord[], library: ReturnType<typeof loadLibrary>['library']): string {
  const phraseLibraries = new Set([...library.phrases.values()].map((p) => p.library)).size;
  return (
    `检查通过：${files.length} 个文件 — ${library.products.size} 个商品${library.categories.size > 0 ? `（${library.categories.size} 个品类）` : ''}、${phraseLibraries} 个话术库（${library.phrases.size} 条话术）、` +
    `${library.rubrics.size} 个评分标准、${library.buyers.size} 个买家场景` +
    (library.course ? `、学习路径 ${library.course.units.length} 个单元` : '') +
    (library.corpus.length > 0 ? `、${library.corpus.length} 条评判语料。` : '。')
  );
}

export async function run(args: string[]): Promise<number> {
  const parsed = commonArgs('check', HELP, args);
  if (typeof parsed === 'number') return parsed;
  const { root, rest } = parsed;
  const base = readLibrary(root);
  const given: FileRecord[] = [];
  const missing: SourceError[] = [];
  for (const path of rest) {
    try {
      given.push(...readYamlFiles(path));
    } catch {
      missing.push({ file: path, line: 1, col: 1, message: '找不到这个文件或文件夹' });
    }
  }
  const files = rest.length === 0 ? base : overlayFiles(base, given);
  const { library, errors, warnings } = loadLibrary(files, { assets: readAssets(root) });
  const givenPaths = new Set(given.map((f) => f.path));
  const mine = (found: readonly SourceError[]) =>
    rest.length === 0 ? found : found.filter((e) => givenPaths.has(e.file));
  // Warnings pass: the file is valid, but its author should know (same line format, on stderr).
  for (const w of mine(warnings)) console.error(formatError(w));
  const shown = [...missing, ...mine(errors)];
  if (shown.length > 0) {
    // Only error lines on stderr: editors' problem matchers and scripts read it line by line.
    for (const e of shown) console.error(formatError(e));
    return 1;
  }
  if (rest.length === 0) console.log(summary(files, library));
  else {
    console.log(`检查通过：${given.length} 个文件（以 ${root}/ 为场景库解析引用）。`);
    const elsewhere = errors.length;
    if (elsewhere > 0) console.log(`另：场景库其他文件有 ${elsewhere} 个问题，运行 npx kefu check 查看。`);
  }
  return 0;
}
