// The next scenario for a student: one of the current unit's not yet passed, chosen by the rules the student
// breaks most in their recent receptions — a rule few scenarios exercise weighs more than one nearly every
// scenario does (a slow first reply is in almost all of them), so the match points at a specific weakness.
import type { RuleId } from '../scenario/schema.ts';
import type { PathProgress, PathScenario, ScenarioResult } from './progress.ts';

/** How many of the latest results the weaknesses are read from. */
export const RECENT_RESULTS = 20;

export interface Weakness {
  rule: RuleId;
  count: number;
}

export interface Recommendation {
  scenarioId: string;
  unitId: string;
  /** The student's frequent mistakes this scenario trains, most frequent first (empty: no history to go by). */
  rules: RuleId[];
  /** next: the current unit's next scenario; review: every unit is passed, practise the weakest again. */
  kind: 'next' | 'review';
}

/** The rules broken in the latest results, most often first (ties by rule id). */
export function weaknesses(results: readonly ScenarioResult[], recent = RECENT_RESULTS): Weakness[] {
  const latest = [...results].sort((a, b) => b.endedAt - a.endedAt).slice(0, recent);
  const counts = new Map<RuleId, number>();
  for (const r of latest) {
    for (const [rule, n] of Object.entries(r.violations) as [RuleId, number][]) {
      if (n > 0) counts.set(rule, (counts.get(rule) ?? 0) + n);
    }
  }
  return [...counts]
    .map(([rule, count]) => ({ rule, count }))
    .sort((a, b) => b.count - a.count || (a.rule < b.rule ? -1 : 1));
}

export function recommendNext(
  progress: PathProgress,
  scenarios: readonly PathScenario[],
  results: readonly ScenarioResult[],
): Recommendation | null {
  const weak = weaknesses(results);
  const counts = new Map(weak.map((w) => [w.rule, w.count]));
  const onPath = scenarios.filter((s) => progress.units.some((u) => u.unit.id === s.unit));
  if (onPath.length === 0) return null;
  const current = progress.units.find((u) => u.unit.id === progress.current);
  const kind = current ? 'next' : 'review';
  // Candidates: the current unit's unpassed scenarios; once the path is done, every scenario, weakest first.
  const candidates = current
    ? current.scenarios.filter((s) => !s.passed).map((s) => s.id)
    : progress.units.flatMap((u) => u.scenarios.map((s) => s.id));
  const progressOf = new Map(progress.units.flatMap((u) => u.scenarios.map((s) => [s.id, s] as const)));
  // Rarity of a rule across the path's scenarios: ln(1 + N / scenarios exercising it).
  const exercising = new Map<RuleId, number>();
  for (const s of onPath) for (const rule of s.rules) exercising.set(rule, (exercising.get(rule) ?? 0) + 1);
  const rarity = (rule: RuleId) => Math.log(1 + onPath.length / (exercising.get(rule) ?? onPath.length));
  const match = (s: PathScenario) =>
    s.rules.reduce((sum, rule) => sum + (counts.get(rule) ?? 0) * rarity(rule), 0);

  const ranked = onPath
    .filter((s) => candidates.includes(s.id))
    .map((s) => ({ s, match: match(s), best: progressOf.get(s.id)?.best ?? null }))
    .sort(
      (a, b) =>
        b.match - a.match ||
        // In review, the lowest best score first; otherwise the unplayed and the easier first.
        (kind === 'review' ? (a.best ?? -1) - (b.best ?? -1) : 0) ||
        (progressOf.get(a.s.id)?.attempts ?? 0) - (progressOf.get(b.s.id)?.attempts ?? 0) ||
        a.s.difficulty - b.s.difficulty ||
        (a.s.id < b.s.id ? -1 : a.s.id > b.s.id ? 1 : 0),
    );
  const best = ranked[0];
  if (!best) return null;
  return {
    scenarioId: best.s.id,
    unitId: best.s.unit ?? '',
    rules: best.s.rules
      .filter((rule) => counts.has(rule))
      .sort((a, b) => (counts.get(b) ?? 0) - (counts.get(a) ?? 0) || (a < b ? -1 : 1)),
    kind,
  };
}
