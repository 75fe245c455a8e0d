// Checks that span files: every id a file names must exist in the library, with a suggestion when misspelt.
import { checkBeats, checkBeatsOneByOne, type Report } from './beat-graph.ts';
import type { BuyerParts } from './buyer-parts.ts';
import { factRefProblem } from './fact-ref.ts';
import type { Library } from './library.ts';
import {
  type AgentStep,
  type Beat,
  type Lexicon,
  type PhraseLibrary,
  type Product,
  REQUIRED_CONCEPTS,
} from './schema.ts';
import { didYouMean } from './suggest.ts';
import type { FieldPath } from './yaml-source.ts';

/** What a check may consult: the library, and the ids of files that failed validation (never reported twice). */
export interface CheckContext {
  library: Library;
  /** False when the lexicon is missing or broken: lexicon-dependent checks are skipped. */
  hasLexicon: boolean;
  brokenProducts: ReadonlySet<string>;
}

function checkTopic(ctx: CheckContext, report: Report, path: FieldPath, topic: string | undefined): void {
  if (!ctx.hasLexicon || topic === undefined) return;
  const topics = ctx.library.lexicon.topics;
  if (!topics.includes(topic))
    report(path, `未知的话题 "${topic}"，须在 lexicon.yaml 的 topics 中${didYouMean(topic, topics)}`);
}

export function checkLexicon(lexicon: Lexicon, report: Report): void {
  const concepts = Object.keys(lexicon.concepts);
  for (const name of REQUIRED_CONCEPTS) {
    if (!lexicon.concepts[name]) report(['concepts'], `缺少引擎必需的概念 "${name}"`, 'key');
  }
  for (const [name, concept] of Object.entries(lexicon.concepts)) {
    const topic = concept.topic;
    if (topic !== undefined && !lexicon.topics.includes(topic)) {
      report(
        ['concepts', name, 'topic'],
        `未知的话题 "${topic}"，须在 topics 中${didYouMean(topic, lexicon.topics)}`,
      );
    }
  }
  lexicon.courtesyTopics.forEach((topic, i) => {
    if (!lexicon.topics.includes(topic)) {
      report(
        ['courtesyTopics', i],
        `未知的话题 "${topic}"，须在 topics 中${didYouMean(topic, lexicon.topics)}`,
      );
    }
  });
  for (const [name, objection] of Object.entries(lexicon.objections)) {
    objection.resolvedBy.forEach((concept, i) => {
      if (!lexicon.concepts[concept]) {
        report(
          ['objections', name, 'resolvedBy', i],
          `未知的概念 "${concept}"${didYouMean(concept, concepts)}`,
        );
      }
    });
  }
}

export function checkProduct(product: Product, ctx: CheckContext, report: Report): void {
  for (const [key, fact] of Object.entries(product.facts))
    checkTopic(ctx, report, ['facts', key, 'topic'], fact.topic);
}

export function checkPhraseLibrary(phrases: PhraseLibrary, ctx: CheckContext, report: Report): void {
  phrases.groups.forEach((group, g) => {
    group.phrases.forEach((phrase, p) => {
      phrase.topics.forEach((topic, t) => {
        checkTopic(ctx, report, ['groups', g, 'phrases', p, 'topics', t], topic);
      });
    });
  });
}

/** Steps that failed validation are undefined (already reported). */
export function checkScript(
  script: readonly (AgentStep | undefined)[],
  at: FieldPath,
  library: Library,
  report: Report,
): void {
  script.forEach((step, i) => {
    if (
      step?.phrase === undefined ||
      library.phrases.has(step.phrase) ||
      library.phrasesByCode.has(step.phrase)
    )
      return;
    const known = [...library.phrases.keys(), ...library.phrasesByCode.keys()];
    report(
      [...at, i, 'phrase'],
      `未知的快捷话术 "${step.phrase}"（写话术 id 或快捷编码）${didYouMean(step.phrase, known)}`,
    );
  });
}

function checkProductId(ctx: CheckContext, report: Report, path: FieldPath, id: string): boolean {
  if (ctx.library.products.has(id) || ctx.brokenProducts.has(id)) return true;
  report(path, `未知的商品 "${id}"${didYouMean(id, ctx.library.products.keys())}`);
  return false;
}

export function checkBuyer(buyer: BuyerParts, ctx: CheckContext, report: Report): void {
  const { library } = ctx;
  buyer.products.forEach((id, i) => {
    checkProductId(ctx, report, ['products', i], id);
  });
  buyer.orderProducts.forEach((product, i) => {
    if (product !== undefined) checkProductId(ctx, report, ['persona', 'orders', i, 'product'], product);
  });

  const objections = Object.keys(library.lexicon.objections);
  const checkLine = (path: FieldPath, line: { ask?: string | undefined; objection?: string | undefined }) => {
    if (line.ask !== undefined) {
      const problem = factRefProblem(line.ask, buyer.products, library.products, ctx.brokenProducts);
      if (problem) report([...path, 'ask'], problem);
    }
    if (line.objection !== undefined && ctx.hasLexicon && !library.lexicon.objections[line.objection]) {
      report(
        [...path, 'objection'],
        `未知的异议类型 "${line.objection}"，须在 lexicon.yaml 的 objections 中${didYouMean(line.objection, objections)}`,
      );
    }
  };
  buyer.beats.forEach((beat, i) => {
    if (beat === undefined) return;
    checkLine(['beats', i], beat);
    beat.messages?.forEach((line, j) => {
      checkLine(['beats', i, 'messages', j], line);
    });
    const product = beat.order?.product;
    if (product !== undefined && checkProductId(ctx, report, ['beats', i, 'order', 'product'], product)) {
      if (!buyer.products.includes(product)) {
        report(['beats', i, 'order', 'product'], `商品 "${product}" 不在本场景的 products 中`);
      }
    }
  });
  // The beat graph is only judged whole: a beat that failed validation would make its neighbours look wrong.
  const beats = buyer.beats.filter((b): b is Beat => b !== undefined);
  if (beats.length === buyer.beats.length) checkBeats(beats, report);
  else checkBeatsOneByOne(buyer.beats, report);

  checkScript(buyer.modelAnswer, ['modelAnswer'], library, report);
  buyer.counterExampleScripts.forEach((script, i) => {
    checkScript(script, ['counterExamples', i, 'script'], library, report);
  });
}
