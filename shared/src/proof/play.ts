// Plays one agent script against one scenario on the virtual clock and scores it: what `kefu play` prints,
// what `kefu prove` checks, and the reference the live server's reports are compared with.
import type { ConversationEvent } from '../conversation/events.ts';
import type { Library } from '../scenario/library.ts';
import type { AgentScript, Rubric } from '../scenario/schema.ts';
import { type Report, type ScoringSetup, scoreConversation } from '../scoring/index.ts';
import { createShopperContext, type ShopperContext } from '../shopper/context.ts';
import { SIMULATION_EPOCH, simulate } from '../shopper/simulate.ts';

export interface Played {
  events: ConversationEvent[];
  report: Report;
  /** Script entries that could not be carried out (an order change with no order…), one line each. */
  problems: string[];
}

export function scoreEvents(
  ctx: ShopperContext,
  events: readonly ConversationEvent[],
  locale: 'zh-CN' | 'en' = 'zh-CN',
  /** Keys of the violations trainers overturned on appeal (see violationKey). */
  overturned: readonly string[] = [],
): Report {
  return scoreConversation({ ...scoringSetup(ctx, locale), events, overturned });
}

/** What scoring needs of a shopper context beside the log (the report's, and the live monitor's). */
export function scoringSetup(ctx: ShopperContext, locale: 'zh-CN' | 'en' = 'zh-CN'): ScoringSetup {
  return {
    scenario: ctx.scenario,
    scenarioVersion: ctx.library.versions.get(ctx.scenario.id) ?? '',
    rubric: ctx.rubric,
    phrases: ctx.library.phrases,
    particles: ctx.library.lexicon.particles,
    products: ctx.library.products,
    locale,
  };
}

export function playScript(
  library: Library,
  scenarioId: string,
  script: AgentScript,
  options: { seed?: number; rubric?: Rubric; locale?: 'zh-CN' | 'en'; start?: number } = {},
): Played {
  const rubric = options.rubric ?? library.rubrics.get('default');
  if (!rubric) throw new Error('the library has no "default" rubric');
  const ctx = createShopperContext(library, scenarioId, rubric);
  const { events, problems } = simulate(ctx, script, options.seed ?? 1, options.start ?? SIMULATION_EPOCH);
  return { events, report: scoreEvents(ctx, events, options.locale), problems };
}
