// Did a reply state a catalogue fact, contradict it, or say nothing about it? Used for the open question
// (question-evaded) and for every fact the reply touches (wrong-fact).
import type { Fact, Option, Product } from '../scenario/schema.ts';
import { factConcept, optionConcept, wrongConcept } from './catalogue-concepts.ts';
import {
  factNumbers,
  fits,
  followedByAfter,
  judgeQuantities,
  type NumberVerdict,
  numericFacts,
  type PlacedQuantity,
  sameAmount,
} from './fact-numbers.ts';
import { type FactRefError, parseFactRef, type ResolvedFact } from './fact-ref.ts';
import { IN_STOCK_CONCEPT } from './markers.ts';
import type { Analysis, Matcher } from './matcher.ts';
import { normalise } from './normalise.ts';

export type FactVerdict = 'stated' | 'contradicted' | 'absent';

// Products are loaded once per scenario; resolve each reference once, not on every message.
const resolved = new WeakMap<readonly Product[], Map<string, ResolvedFact | FactRefError>>();

/** A fact reference resolved against `products` (cached per product list), or undefined when it does not resolve. */
export function resolveFactRef(products: readonly Product[], ref: string): ResolvedFact | undefined {
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

const clauseStart = (analysis: Analysis, clause: number) =>
  clause === 0 ? 0 : analysis.clauseEnds[clause - 1]!;

/** Every offset where `word` occurs in the normalised text between `from` and `to`. */
function occurrences(text: string, word: string, from: number, to: number): number[] {
  const found: number[] = [];
  for (let i = text.indexOf(word, from); i >= 0 && i + word.length <= to; i = text.indexOf(word, i + 1))
    found.push(i);
  return found;
}

/**
 * The quantities of the reply that speak of `target`: those whose nearest anchor word in their clause is one of
 * the target's (续航 8小时 · 整机保3年电机保10年), else, with no anchor at all, those of the asked fact's
 * dimension (163、105斤 is the buyer's weight, not the down's). 发货后三四天到 does not speak of 48小时内发货.
 */
function quantitiesOf(
  analysis: Analysis,
  products: readonly Product[],
  target: Fact,
  asked: boolean,
): PlacedQuantity[] {
  const text = analysis.normalised;
  const own = factNumbers(target);
  if (own.right.length === 0) return [];
  const facts = numericFacts(products);
  const out: PlacedQuantity[] = [];
  for (const q of analysis.quantities) {
    if (!own.right.some((r) => r.dimension === q.dimension)) continue;
    const rivals = facts.filter((f) => factNumbers(f.fact).right.some((r) => r.dimension === q.dimension));
    const from = clauseStart(analysis, q.clause);
    const to = analysis.clauseEnds[q.clause]!;
    // Anchors only one rival has (整机 · 电机) decide before shared ones (保修).
    const counts = new Map<string, number>();
    for (const { fact } of rivals)
      for (const a of factNumbers(fact).anchors) counts.set(a, (counts.get(a) ?? 0) + 1);
    let nearest = new Set<Fact>();
    let targetDenied = false;
    for (const distinctive of [true, false]) {
      let best = Number.POSITIVE_INFINITY;
      for (const { fact } of rivals) {
        for (const anchor of factNumbers(fact).anchors) {
          if ((counts.get(anchor) === 1) !== distinctive) continue;
          for (const at of occurrences(text, anchor, from, to)) {
            const end = at + anchor.length;
            if (!anchor.endsWith('后') && followedByAfter(text, end)) {
              if (fact === target) targetDenied = true;
              continue;
            }
            // What a number measures is said before it (整机保修3年); a word after it counts only when none stands before.
            const distance = end <= q.at ? q.at - end : at >= q.to ? 1000 + at - q.to : 0;
            if (distance < best) {
              best = distance;
              nearest = new Set([fact]);
            } else if (distance === best) nearest.add(fact);
          }
        }
      }
      if (nearest.size > 0) break;
    }
    if (nearest.size > 1) nearest = narrowTies(q, nearest);
    if (nearest.size > 0) {
      if (nearest.has(target)) out.push(q);
    } else if (!targetDenied && asked) out.push(q);
  }
  return out;
}

/**
 * A number whose nearest word several facts share (保修 半年: 整机 or 电机?) speaks of those it fits, else of
 * those that list it as wrong, else of them all.
 */
function narrowTies(q: PlacedQuantity, tied: Set<Fact>): Set<Fact> {
  const fitting = [...tied].filter((f) => factNumbers(f).right.some((r) => fits(q, r)));
  if (fitting.length > 0) return new Set(fitting);
  const listed = [...tied].filter((f) => factNumbers(f).wrong.some((w) => sameAmount(q, w)));
  return listed.length > 0 ? new Set(listed) : tied;
}

/** 未拆包 · 没用过 · 不拆封: a condition said not to hold is not named. */
const CONDITION_DENIERS = ['没有', '未', '没', '不', '无', '非'];
const deniedAt = (text: string, at: number) =>
  CONDITION_DENIERS.some((d) => text.startsWith(d, at - d.length));

/** Indexes of the fact's exceptions whose condition words stand in `clause` (else in the nearest clause before). */
function conditionsNamed(analysis: Analysis, fact: Fact, clause: number): Set<number> {
  const named = new Set<number>();
  if (fact.kind === 'options' || fact.except.length === 0) return named;
  for (let c = clause; c >= 0 && named.size === 0; c--) {
    const from = clauseStart(analysis, c);
    const to = analysis.clauseEnds[c]!;
    fact.except.forEach((e, i) => {
      const said = e.when.some((w) =>
        occurrences(analysis.normalised, normalise(w), from, to).some(
          (at) => !deniedAt(analysis.normalised, at),
        ),
      );
      if (said) named.add(i);
    });
  }
  return named;
}

function judgeNumbers(
  analysis: Analysis,
  products: readonly Product[],
  fact: ResolvedFact,
  asked: boolean,
): NumberVerdict {
  const quantities = quantitiesOf(analysis, products, fact.fact, asked);
  if (quantities.length === 0) return 'absent';
  return judgeQuantities(factNumbers(fact.fact), quantities, (q) => {
    const named = conditionsNamed(analysis, fact.fact, q.clause);
    if (named.size === 0 && fact.condition !== undefined) named.add(fact.condition);
    return named;
  });
}

/** A yes/no fact read mention by mention: each is held against the value of the case its clause names. */
function judgeYesNo(analysis: Analysis, fact: ResolvedFact & { fact: { kind: 'yesno' } }): FactVerdict {
  const concept = factConcept(fact.product.id, fact.key);
  let stated = false;
  let denied = false;
  for (const m of analysis.mentions) {
    if (m.concept !== concept) continue;
    const named = conditionsNamed(analysis, fact.fact, m.clause);
    const index = named.size > 0 ? [...named][0]! : fact.condition;
    const expected = index === undefined ? fact.fact.value : fact.fact.except[index]!.value;
    if (m.negated !== expected) stated = true;
    else denied = true;
  }
  // 不包邮，满99包邮: a right statement with a nuance is still right.
  if (stated) return 'stated';
  if (denied) return 'contradicted';
  // 只有 X… implied denials of a term never written.
  if (analysis.negated.has(concept) && !analysis.affirmed.has(concept))
    return fact.fact.value ? 'contradicted' : 'stated';
  return 'absent';
}

function judgeResolved(
  analysis: Analysis,
  products: readonly Product[],
  fact: ResolvedFact,
  asked: boolean,
): FactVerdict {
  const pid = fact.product.id;
  const { key } = fact;
  switch (fact.fact.kind) {
    case 'options': {
      if (fact.option) {
        const verdict = judgeOption(analysis, pid, key, fact.option, asked);
        if (verdict !== 'absent' || !asked || !fact.option.inStock) return verdict;
        // Asked which one to take (163、105斤拍哪个码？ → M码): recommending another option, not as a stock
        // statement, is the wrong answer (66码就行 · 建议M码); naming another one in stock is not.
        const others = fact.fact.options.filter((o) => o !== fact.option);
        const recommended = others.some((o) => {
          const concept = optionConcept(pid, key, o.value);
          return analysis.affirmed.has(concept) && !claimedInStock(analysis, concept);
        });
        return recommended ? 'contradicted' : 'absent';
      }
      const verdicts = fact.fact.options.map((o) => [o, judgeOption(analysis, pid, key, o, false)] as const);
      if (verdicts.some(([, v]) => v === 'contradicted')) return 'contradicted';
      return verdicts.some(([o, v]) => o.inStock && v === 'stated') ? 'stated' : 'absent';
    }
    case 'value': {
      const concept = factConcept(pid, key);
      const numbers = judgeNumbers(analysis, products, fact, asked);
      if (analysis.affirmed.has(wrongConcept(pid, key)) || numbers === 'contradicted') return 'contradicted';
      if (analysis.affirmed.has(concept) || numbers === 'stated') return 'stated';
      return analysis.negated.has(concept) ? 'contradicted' : 'absent';
    }
    case 'number':
      return judgeNumbers(analysis, products, fact, asked);
    case 'yesno':
      return judgeYesNo(analysis, fact as ResolvedFact & { fact: { kind: 'yesno' } });
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
  const fact = resolveFactRef(products, factRef);
  return fact ? judgeResolved(analysis, products, fact, asked) : 'absent';
}

/** Every fact of `products` the reply contradicts: options as `pid.key.value`, other facts as `pid.key`. */
export function findContradictions(
  _matcher: Matcher,
  analysis: Analysis,
  products: readonly Product[],
): string[] {
  if (analysis.affirmed.size === 0 && analysis.negated.size === 0 && analysis.quantities.length === 0)
    return [];
  const refs: string[] = [];
  for (const product of products) {
    for (const [key, fact] of Object.entries(product.facts)) {
      if (fact.kind === 'options') {
        for (const option of fact.options)
          if (judgeOption(analysis, product.id, key, option, false) === 'contradicted')
            refs.push(`${product.id}.${key}.${option.value}`);
      } else if (
        judgeResolved(analysis, products, { ref: `${product.id}.${key}`, product, key, fact }, false) ===
        'contradicted'
      ) {
        refs.push(`${product.id}.${key}`);
      }
    }
  }
  return refs;
}
