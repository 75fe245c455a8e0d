// How scenario lists are arranged the way the course is built: by learning-path unit (in teaching order),
// then by difficulty level inside a unit; and the one search every such list uses. Pure: no React.
import type { CourseUnitRef } from '@kefu/shared/protocol';

export interface Placed {
  id: string;
  title: string;
  difficulty: number;
  /** The unit's id; null (or an id the course does not have) for a scenario outside the path. */
  unit: string | null;
}

export interface LevelGroup<S> {
  difficulty: number;
  scenarios: S[];
}

export interface UnitGroup<S> {
  /** null: the scenarios outside the learning path, listed last. */
  unit: CourseUnitRef | null;
  levels: LevelGroup<S>[];
  scenarios: S[];
}

/** Easiest level first; inside a level the list keeps its order. */
export function byLevel<S extends { difficulty: number }>(scenarios: readonly S[]): LevelGroup<S>[] {
  const levels = new Map<number, S[]>();
  for (const s of scenarios) {
    const list = levels.get(s.difficulty);
    if (list) list.push(s);
    else levels.set(s.difficulty, [s]);
  }
  return [...levels.entries()]
    .sort(([a], [b]) => a - b)
    .map(([difficulty, list]) => ({ difficulty, scenarios: list }));
}

/** The course's units in order, each with its scenarios by level; units with none are left out. */
export function groupByUnit<S extends Placed>(
  scenarios: readonly S[],
  units: readonly CourseUnitRef[],
): UnitGroup<S>[] {
  const known = new Set(units.map((u) => u.id));
  const groups: UnitGroup<S>[] = [];
  for (const unit of units) {
    const members = scenarios.filter((s) => s.unit === unit.id);
    if (members.length > 0) groups.push({ unit, levels: byLevel(members), scenarios: members });
  }
  const outside = scenarios.filter((s) => s.unit === null || !known.has(s.unit));
  if (outside.length > 0) groups.push({ unit: null, levels: byLevel(outside), scenarios: outside });
  return groups;
}

/** The words a query is split into: lower-cased, blank-separated (全角空格 too). */
export function queryTerms(query: string): string[] {
  return query
    .toLowerCase()
    .split(/[\s\u3000]+/)
    .filter((w) => w !== '');
}

/** Whether every term occurs in one of the texts (title, products, skills…): no terms matches everything. */
export function matchesAll(terms: readonly string[], texts: readonly string[]): boolean {
  if (terms.length === 0) return true;
  const haystack = texts.join('\n').toLowerCase();
  return terms.every((term) => haystack.includes(term));
}
