// `kefu judge-eval`: replays the labelled judgement corpus (scenarios/corpus/dev and holdout) through the
// judge and prints agreement per label and per rule for each part, then every disagreeing case; exit 1 when
// either part's case agreement is below the bar (docs/judge-corpus.md).
import { type CaseResult, evaluatePart, LABELS, type PartResult, RULE_LABELS, rate } from '@kefu/shared';
import { formatError, loadLibrary } from '@kefu/shared/scenario';
import { commonArgs } from '../args.ts';
import { readLibrary } from '../read-library.ts';

export const HELP = `用法：npx kefu judge-eval [--part dev|holdout] [--min 百分比] [--json] [--root 目录]

用评判语料（scenarios/corpus/dev 和 holdout）检验评判：每条带标注的客服回复交给实时评判同一个函数，
逐项比较评估老师的标注。打印每部分的用例一致率、按标注和按评分规则的一致率，再列出每条不一致的用例。
  --part dev|holdout   只评这一部分（默认两部分都评）
  --min 百分比          及格线（默认 97）
  --json               只在 stdout 打印一个 JSON 对象
任何一部分的用例一致率低于及格线时退出码 1。格式见 docs/judge-corpus.md。`;

const PARTS = ['dev', 'holdout'] as const;
const percent = (x: number) => `${(x * 100).toFixed(1)}%`;

function option(rest: string[], name: string): string | undefined | null {
  const i = rest.findIndex((a) => a === name || a.startsWith(`${name}=`));
  if (i < 0) return undefined;
  const arg = rest[i]!;
  const value = arg.includes('=') ? arg.slice(name.length + 1) : rest[i + 1];
  rest.splice(i, arg.includes('=') ? 1 : 2);
  return value === undefined || value.startsWith('--') ? null : value;
}

function show(value: string | boolean | undefined): string {
  return value === undefined ? '—' : String(value);
}

function describeCase(r: CaseResult): string[] {
  const c = r.entry.case;
  const lines = [`  ${r.entry.file}:${r.entry.line} ${c.id}`];
  lines.push(`      买家：${typeof c.buyer === 'string' ? c.buyer : c.buyer.join(' / ')}`);
  const phrase = c.source === 'typed' ? '' : `［话术 ${c.source}］`;
  lines.push(`      回复：${phrase}${c.reply ?? ''}`);
  for (const label of r.disagreements)
    lines.push(`      ${label}: 标注 ${show(r.expected[label])} → 评判 ${show(r.judged[label])}`);
  if (c.note) lines.push(`      理由：${c.note}`);
  return lines;
}

function printPart(p: PartResult, min: number): void {
  const ok = rate(p.cases) >= min;
  console.log(
    `\n== ${p.part}：${p.cases.agree} / ${p.cases.total} 条一致（${percent(rate(p.cases))}）${ok ? '' : ` 低于 ${percent(min)}`}`,
  );
  console.log('  按标注：');
  for (const label of LABELS) {
    const t = p.byLabel[label];
    if (t.total > 0)
      console.log(`    ${label.padEnd(13)} ${percent(rate(t)).padStart(6)}  (${t.agree}/${t.total})`);
  }
  console.log('  按规则：');
  for (const { rule } of RULE_LABELS) {
    const t = p.byRule[rule]!;
    if (t.total > 0)
      console.log(`    ${rule.padEnd(27)} ${percent(rate(t)).padStart(6)}  (${t.agree}/${t.total})`);
  }
  if (p.disagreeing.length > 0) {
    console.log(`  不一致的用例（${p.disagreeing.length}）：`);
    for (const r of p.disagreeing) for (const line of describeCase(r)) console.log(line);
  }
}

export async function run(args: string[]): Promise<number> {
  const parsed = commonArgs('judge-eval', HELP, args, ['--part', '--min', '--json']);
  if (typeof parsed === 'number') return parsed;
  const rest = [...parsed.rest];
  const partArg = option(rest, '--part');
  const minArg = option(rest, '--min');
  const json = rest.includes('--json');
  const parts = partArg === undefined ? PARTS : PARTS.filter((p) => p === partArg);
  const min = minArg === undefined ? 0.97 : Number(minArg) / 100;
  if (partArg === null || parts.length === 0 || minArg === null || !(min >= 0 && min <= 1)) {
    console.error(`kefu judge-eval：参数不对\n\n${HELP}`);
    return 2;
  }

  const { library, errors } = loadLibrary(readLibrary(parsed.root));
  if (errors.length > 0) {
    for (const e of errors) console.error(formatError(e));
    console.error(`场景文件有 ${errors.length} 个问题，先用 npx kefu check 修好再评。`);
    return 1;
  }
  const results = parts.map((part) => evaluatePart(library, library.corpus, part));
  const empty = results.filter((r) => r.cases.total === 0).map((r) => r.part);
  const passed = results.every((r) => r.cases.total > 0 && rate(r.cases) >= min);

  if (json) {
    console.log(
      JSON.stringify({
        min,
        passed,
        parts: results.map((r) => ({
          part: r.part,
          cases: r.cases,
          byLabel: r.byLabel,
          byRule: r.byRule,
          disagreeing: r.disagreeing.map((d) => ({
            id: d.entry.case.id,
            file: d.entry.file,
            line: d.entry.line,
            labels: d.disagreements.map((l) => ({ label: l, expected: d.expected[l], judged: d.judged[l] })),
          })),
        })),
      }),
    );
    return passed ? 0 : 1;
  }
  for (const r of results) printPart(r, min);
  if (empty.length > 0)
    console.log(`\n没有评判语料：${empty.map((p) => `${parsed.root}/corpus/${p}/`).join('、')}`);
  console.log(
    passed
      ? `\n评判语料一致率达标（≥ ${percent(min)}）。`
      : `\n评判语料一致率未达标（要求每部分 ≥ ${percent(min)}）。`,
  );
  return passed ? 0 : 1;
}
