// `kefu list [--json]`: the buyer scenarios with the rules each exercises (the union of its counter-examples'
// violations), for instructors picking drills and for scripts (`--json`: one JSON array on stdout, nothing else).
import { SKILL_NAMES, STAGE_NAMES } from '@kefu/shared/course/names';
import {
  type BuyerScenario,
  type Library,
  loadLibrary,
  type Mood,
  RULE_IDS,
  type RuleId,
  type Skill,
  type Stage,
} from '@kefu/shared/scenario';
import { readAssets, readLibrary, takeRoot } from '../read-library.ts';

export const HELP = `用法：npx kefu list [--json] [--root 目录]

列出场景库中的买家场景：id、标题、涉及商品、难度，以及它练到的评分规则（各反例违规的并集）。
  --json        在 stdout 输出一个 JSON 数组：
                [{ "id", "title", "products", "difficulty", "goal", "stage", "unit", "skills", "mood", "rules" }]
                （stage 售前/售中/售后、unit 学习路径单元，没写时为 null）
  --root 目录   场景库所在目录（默认 scenarios）`;

export interface ScenarioSummary {
  id: string;
  title: string;
  products: string[];
  difficulty: number;
  goal: BuyerScenario['goal'];
  stage: Stage | null;
  unit: string | null;
  skills: Skill[];
  mood: Mood;
  rules: RuleId[];
}

/** The rules a scenario exercises, in the scoring contract's order. */
export function exercisedRules(buyer: BuyerScenario): RuleId[] {
  const used = new Set(buyer.counterExamples.flatMap((c) => c.violations));
  return RULE_IDS.filter((rule) => used.has(rule));
}

export function summarise(buyer: BuyerScenario): ScenarioSummary {
  return {
    id: buyer.id,
    title: buyer.title,
    products: buyer.products,
    difficulty: buyer.difficulty,
    goal: buyer.goal,
    stage: buyer.stage ?? null,
    unit: buyer.unit ?? null,
    skills: buyer.skills,
    mood: buyer.mood,
    rules: exercisedRules(buyer),
  };
}

export async function run(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    console.log(HELP);
    return 0;
  }
  const { root, rest } = takeRoot(args);
  const json = rest.includes('--json');
  const unknown = rest.find((a) => a !== '--json');
  if (unknown) {
    console.error(`kefu list：未知的参数 ${unknown}\n\n${HELP}`);
    return 2;
  }
  const { library, errors } = loadLibrary(readLibrary(root), { assets: readAssets(root) });
  if (errors.length > 0)
    console.error(`注意：场景库有 ${errors.length} 个问题（有错的场景未列出），运行 npx kefu check 查看。`);
  const scenarios = [...library.buyers.values()]
    .map(summarise)
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  if (json) {
    console.log(JSON.stringify(scenarios, null, 2));
    return 0;
  }
  if (scenarios.length === 0) {
    console.log(`${root}/ 里还没有买家场景。`);
    return 0;
  }
  for (const s of scenarios) {
    console.log(`${s.id}  ${s.title}  （难度 ${s.difficulty}，商品：${s.products.join('、')}）`);
    const place = placeOf(s, library);
    if (place) console.log(`    ${place}`);
    console.log(`    练到的规则：${s.rules.length > 0 ? s.rules.join(', ') : '（无反例）'}`);
  }
  console.log(`共 ${scenarios.length} 个买家场景。`);
  return 0;
}

/** Where a scenario sits in the course: stage, learning-path unit, skills and an angry buyer, in words. */
function placeOf(s: ScenarioSummary, library: Library): string {
  const unit = library.course?.units.find((u) => u.id === s.unit);
  return [
    s.stage ? STAGE_NAMES[s.stage] : null,
    unit ? `单元：${unit.name}` : null,
    s.skills.length > 0 ? `技能：${s.skills.map((k) => SKILL_NAMES[k]).join('、')}` : null,
    s.mood === 'angry' ? '买家会发火' : null,
  ]
    .filter((part) => part !== null)
    .join(' · ');
}
