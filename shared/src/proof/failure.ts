// What a failing proof run got wrong, as data a client says in its own language: the rules it triggered
// more or fewer times than the script claims, a model answer's low score, and any other problem (a script
// the buyer could not follow, in Chinese as the prover writes it) — with where the script is written.
import type { RunFailure } from './failure-schema.ts';
import { MODEL_ANSWER_MIN_SCORE, type ProofRun, violationDiff } from './prove.ts';

function counts(rules: readonly string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const rule of rules) out.set(rule, (out.get(rule) ?? 0) + 1);
  return out;
}

/** What `run` (one that failed) got wrong. */
export function runFailure(run: ProofRun): RunFailure {
  const got = run.report.violations.map((v) => v.rule);
  const want = counts(run.expected);
  const have = counts(got);
  const extra: RunFailure['extra'] = [];
  const missing: RunFailure['missing'] = [];
  for (const rule of [...new Set([...want.keys(), ...have.keys()])].sort()) {
    const diff = (have.get(rule) ?? 0) - (want.get(rule) ?? 0);
    if (diff > 0) extra.push({ rule, times: diff });
    if (diff < 0) missing.push({ rule, times: -diff });
  }
  const lowScore =
    run.kind === 'model' && run.report.score < MODEL_ANSWER_MIN_SCORE ? run.report.score : null;
  const said = new Set(violationDiff(run.expected, got));
  const other = run.problems.filter((p) => !said.has(p) && !(lowScore !== null && p.startsWith('得分 ')));
  return { kind: run.kind, script: run.script, extra, missing, lowScore, other };
}
