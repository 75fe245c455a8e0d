// Did a reply state a catalogue fact, contradict it, or say nothing about it? Used for the open question
// (question-evaded) and for every fact the reply touches (wrong-fact).
import type { Option, Product } from '../scenario/schema.ts';
import { factConcept, optionConcept, wrongConcept } from './catalogue-concepts.ts';
import { type FactRefError, parseFactRef, type ResolvedFact } from './fact-ref.ts';
import { IN_STOCK_CONCEPT } from './markers.ts';
import type { Analysis, Matcher } from './matcher.ts';

export type FactVerdict = 'stated' | 'contradicted' | 'absent';

// Products are loaded once per scenario; resolve each reference once, not on every message.
const resolved = new WeakMap<readonly Product[], Map<string, ResolvedFact | FactRefError>>();

function resolve(products: readonly Product[], ref: string): ResolvedFact | undefined {
  let cache = resolved.get(products);
  if (!cache) {
    cache = new Map();
    resolved.set(products, cache);
  }
  let result = cache.get(ref);
  if (!result) {
    result = parseFactRef(products, ref);
    cache.set(ref, result);
  }
  return 'error' in result ? undefined : result;
}

/** Affirmed in a clause that also says "in stock" (红色有货 / 红色还有): a claim, not just a mention. */
function claimedInStock(analysis: Analysis, concept: string): boolean {
  const stockClauses = new Set<number>();
  for (const m of analysis.mentions)
    if (m.concept === IN_STOCK_CONCEPT && !m.negated) stockClauses.add(m.clause);
  return analysis.mentions.some((m) => m.concept === concept && !m.negated && stockClauses.has(m.clause));
}

function judgeOption(
  analysis: Analysis,
  pid: string,
  key: string,
  option: Option,
  asked: boolean,
): FactVerdict {
  const concept = optionConcept(pid, key, option.value);
  const affirmed = analysis.affirmed.has(concept);
  const negated = analysis.negated.has(concept);
  const claimed = affirmed && claimedInStock(analysis, concept);
  if (option.inStock) {
    if (claimed) return 'stated';
    if (negated) return 'contradicted';
    return affirmed ? 'stated' : 'absent';
  }
  if (claimed) return 'contradicted';
  if (negated) return 'stated';
  // Naming a sold-out option in answer to "is it in stock?" without denying it reads as yes.
  return affirmed && asked ? 'contradicted' : 'absent';
}

function judgeResolved(analysis: Analysis, fact: ResolvedFact, asked: boolean): FactVerdict {
  const pid = fact.product.id;
  const { key } = fact;
  switch (fact.fact.kind) {
    case 'options': {
      if (fact.option) return judgeOption(analysis, pid, key, fact.option, asked);
      const verdicts = fact.fact.options.map((o) => [o, judgeOption(analysis, pid, key, o, false)] as const);
      if (verdicts.some(([, v]) => v === 'contradicted')) return 'contradicted';
      return verdicts.some(([o, v]) => o.inStock && v === 'stated') ? 'stated' : 'absent';
    }
    case 'value': {
      const concept = factConcept(pid, key);
      if (analysis.affirmed.has(wrongConcept(pid, key))) return 'contradicted';
      if (analysis.affirmed.has(concept)) return 'stated';
      return analysis.negated.has(concept) ? 'contradicted' : 'absent';
    }
    case 'number':
      // Numbers are compared by the number reader (text/numbers.ts), not by terms.
      return 'absent';
    case 'yesno': {
      const concept = factConcept(pid, key);
      const said = fact.fact.value ? analysis.affirmed : analysis.negated;
      const denied = fact.fact.value ? analysis.negated : analysis.affirmed;
      // 不包邮，满99包邮: a right statement with a nuance is still right.
      if (said.has(concept)) return 'stated';
      return denied.has(concept) ? 'contradicted' : 'absent';
    }
  }
}

/**
 * The verdict of one reply on one fact. `asked`: the fact is the open question being answered. An unknown
 * reference (scenario files are checked before they run) is 'absent'.
 */
export function judgeFact(
  _matcher: Matcher,
  analysis: Analysis,
  products: readonly Product[],
  factRef: string,
  asked: boolean,
): FactVerdict {
  const fact = resolve(products, factRef);
  return fact ? judgeResolved(analysis, fact, asked) : 'absent';
}

/** Every fact of `products` the reply contradicts: options as `pid.key.value`, other facts as `pid.key`. */
export function findContradictions(
  _matcher: Matcher,
  analysis: Analysis,
  products: readonly Product[],
): string[] {
  if (analysis.affirmed.size === 0 && analysis.negated.size === 0) return [];
  const refs: string[] = [];
  for (const product of products) {
    for (const [key, fact] of Object.entries(product.facts)) {
      if (fact.kind === 'options') {
        for (const option of fact.options)
          if (judgeOption(analysis, product.id, key, option, false) === 'contradicted')
            refs.push(`${product.id}.${key}.${option.value}`);
      } else if (
        judgeResolved(analysis, { ref: `${product.id}.${key}`, product, key, fact }, false) === 'contradicted'
      ) {
        refs.push(`${product.id}.${key}`);
      }
    }
  }
  return refs;
}
