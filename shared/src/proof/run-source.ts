// Where a proof run that failed is written: the scenario file's model answer or counter-example, at its
// line and column, with what went wrong — so a refusal says what to fix and where.
import type { BuyerScenario } from '../scenario/schema.ts';
import type { SourceError } from '../scenario/source-error.ts';
import { locate, parseSource } from '../scenario/yaml-source.ts';
import type { ProofRun } from './prove.ts';

export function failedRunAt(
  file: { path: string; text: string },
  scenario: BuyerScenario,
  run: Pick<ProofRun, 'kind' | 'script' | 'problems'>,
): SourceError {
  const index = scenario.counterExamples.findIndex((c) => c.name === run.script);
  const path = run.kind === 'model' || index < 0 ? ['modelAnswer'] : ['counterExamples', index];
  const { source } = parseSource(file);
  const { line, col } = locate(source, path, 'key');
  const what = run.kind === 'model' ? '标准答案' : `反例「${run.script}」`;
  return { file: file.path, line, col, message: `${what}：${run.problems.join('；')}` };
}
