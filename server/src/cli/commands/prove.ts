// `kefu prove [paths…]`: replays every scenario's model answer and counter-examples under the proof seeds;
// exit 1 on any mismatch (a model answer under 90 or with a violation, a counter-example whose violations
// differ from those it lists).
import { PROOF_SEEDS, type ProofRun, proveScenario } from '@kefu/shared';
import { formatError, loadLibrary, overlayFiles } from '@kefu/shared/scenario';
import { commonArgs } from '../args.ts';
import { type FileRecord, readAssets, readLibrary, readYamlFiles } from '../read-library.ts';

export const HELP = `用法：npx kefu prove [路径…] [--root 目录]

重放买家场景的标准答案和每个反例（种子 ${PROOF_SEEDS.join('、')}），核对：
  标准答案得分 ≥ 90 且没有违规；每个反例产生的违规与它列出的完全一致。
  不写路径：证明整个场景库；写了路径：只证明这些文件里的买家场景（叠加在场景库上）。
任何一项不符时退出码 1。`;

function describeRun(run: ProofRun): string {
  const what = run.kind === 'model' ? '标准答案' : `反例 ${run.script}`;
  return `${what}（种子 ${run.seed}，得分 ${run.report.score}）`;
}

export async function run(args: string[]): Promise<number> {
  const parsed = commonArgs('prove', HELP, args);
  if (typeof parsed === 'number') return parsed;
  const { root, rest } = parsed;
  const given: FileRecord[] = [];
  for (const path of rest) {
    try {
      given.push(...readYamlFiles(path));
    } catch {
      console.error(`${path}:1:1 找不到这个文件或文件夹`);
      return 1;
    }
  }
  const base = readLibrary(root);
  const { library, errors } = loadLibrary(rest.length === 0 ? base : overlayFiles(base, given), {
    assets: readAssets(root),
  });
  if (errors.length > 0) {
    for (const e of errors) console.error(formatError(e));
    console.error(`场景文件有 ${errors.length} 个问题，先用 npx kefu check 修好再证明。`);
    return 1;
  }
  const givenPaths = new Set(given.map((f) => f.path));
  const ids = [...library.buyers.keys()]
    .filter((id) => rest.length === 0 || givenPaths.has(library.files.get(id) ?? ''))
    .sort();
  if (ids.length === 0) {
    console.error('没有可证明的买家场景。');
    return 1;
  }
  let failed = 0;
  for (const id of ids) {
    const runs = proveScenario(library, id);
    const bad = runs.filter((r) => !r.ok);
    const scripts = new Set(runs.map((r) => r.script)).size;
    if (bad.length === 0) {
      console.log(`✓ ${id}：标准答案和 ${scripts - 1} 个反例全部符合（${runs.length} 次重放）`);
      continue;
    }
    failed++;
    console.log(`✗ ${id}：`);
    for (const r of bad) console.log(`    ${describeRun(r)}：${r.problems.join('；')}`);
  }
  console.log(
    failed === 0 ? `\n全部 ${ids.length} 个场景证明通过。` : `\n${failed} / ${ids.length} 个场景未通过。`,
  );
  return failed === 0 ? 0 : 1;
}
