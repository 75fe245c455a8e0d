// Everything the shopper machine needs that does not change during a conversation: the scenario compiled
// into beats with their defaults resolved, the products it is about, the text matcher and the time limits.
import type { Library } from '../scenario/load.ts';
import type {
  Await,
  Beat,
  Branch,
  BuyerLine,
  BuyerScenario,
  Product,
  Rubric,
  Thresholds,
} from '../scenario/schema.ts';
import { createMatcher, type Matcher } from '../text/index.ts';

export interface CompiledBeat {
  id: string;
  lines: BuyerLine[];
  await: Await;
  /** Explicit deadline in ms, or undefined for the await's default. */
  withinMs: number | undefined;
  /** Pause before the first line in ms, or undefined for a seeded pause. */
  afterMs: number | undefined;
  /** Where to go when the await is satisfied; null ends the conversation. */
  then: string | null;
  on: Partial<Record<Branch, string>>;
  order: Beat['order'];
  /** The order change the buyer asks for in this beat. */
  change: Beat['change'];
  pay: boolean;
  leave: boolean;
  end: boolean;
}

export interface ShopperContext {
  scenario: BuyerScenario;
  library: Library;
  products: Product[];
  beats: Map<string, CompiledBeat>;
  firstBeat: string;
  matcher: Matcher;
  thresholds: Thresholds;
  rubric: Rubric;
  patienceMs: number;
  followUpMs: number;
  reminderWindowMs: number;
}

const seconds = (value: number) => Math.round(value * 1000);

function beatLines(beat: Beat): BuyerLine[] {
  if (beat.messages) return beat.messages;
  if (beat.say === undefined) return [];
  return [
    {
      say: beat.say,
      ask: beat.ask,
      simple: beat.simple,
      objection: beat.objection,
      photo: beat.photo,
      answeredBy: beat.answeredBy,
      need: beat.need,
    },
  ];
}

function defaultAwait(lines: BuyerLine[], beat: Beat): Await {
  if (beat.change !== undefined) return 'change';
  if (lines.some((l) => l.ask !== undefined || l.objection !== undefined)) return 'answers';
  return lines.length > 0 ? 'reply' : 'none';
}

export function compileBeats(scenario: BuyerScenario): Map<string, CompiledBeat> {
  const beats = new Map<string, CompiledBeat>();
  scenario.beats.forEach((beat, index) => {
    const lines = beatLines(beat);
    const next = scenario.beats[index + 1]?.id ?? null;
    beats.set(beat.id, {
      id: beat.id,
      lines,
      await: beat.await ?? defaultAwait(lines, beat),
      withinMs: beat.within === undefined ? undefined : seconds(beat.within),
      afterMs: beat.after === undefined ? undefined : seconds(beat.after),
      // biome-ignore lint/suspicious/noThenProperty: `then` is the scenario language's word for the next beat
      then: beat.then ?? next,
      on: beat.on ?? {},
      order: beat.order,
      change: beat.change,
      pay: beat.pay === true,
      leave: beat.leave === true,
      end: beat.end === true,
    });
  });
  return beats;
}

/** Builds the context for one scenario of a loaded (valid) library. Throws only on an unknown scenario id. */
export function createShopperContext(library: Library, scenarioId: string, rubric: Rubric): ShopperContext {
  const scenario = library.buyers.get(scenarioId);
  if (!scenario) throw new Error(`unknown scenario "${scenarioId}"`);
  const products = scenario.products
    .map((id) => library.products.get(id))
    .filter((p): p is Product => p !== undefined);
  const thresholds = rubric.thresholds;
  return {
    scenario,
    library,
    products,
    beats: compileBeats(scenario),
    firstBeat: scenario.beats[0]!.id,
    matcher: createMatcher(library.lexicon, products),
    thresholds,
    rubric,
    patienceMs: seconds(scenario.persona.patience ?? thresholds.patienceSeconds),
    followUpMs: seconds(thresholds.followUpSeconds),
    reminderWindowMs: seconds(thresholds.paymentReminderSeconds),
  };
}
