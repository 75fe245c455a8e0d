// Checks that span files: every id a file names must exist in the library, with a suggestion when misspelt.

import { optionValues, resolveOption } from '../shopper/orders.ts';
import { checkBeats, checkBeatsOneByOne, type Report } from './beat-graph.ts';
import type { BuyerParts } from './buyer-parts.ts';
import { factRefProblem } from './fact-ref.ts';
import { type CorpusEntry, findPhrase, type Library } from './library.ts';
import { unfilledVariables, variableProblems } from './phrase-variables.ts';
import {
  type AgentStep,
  type Beat,
  type Category,
  type CorpusCase,
  type Course,
  type Fact,
  type Lexicon,
  type PhraseLibrary,
  type Product,
  REQUIRED_CONCEPTS,
} from './schema.ts';
import { didYouMean } from './suggest.ts';
import { type FieldPath, locate, type SourceFile } from './yaml-source.ts';

/** What a check may consult: the library, and the ids of files that failed validation (never reported twice). */
export interface CheckContext {
  library: Library;
  /** False when the lexicon is missing or broken: lexicon-dependent checks are skipped. */
  hasLexicon: boolean;
  brokenProducts: ReadonlySet<string>;
  /** A learning-path file exists (it may have failed validation: then units are not checked). */
  hasCourse: boolean;
  /** The unit every buyer file names, valid or not (a unit is not reported empty for a file's typo elsewhere). */
  buyerUnits: readonly string[];
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
  const topicLists: [string, number | undefined, readonly string[]][] = [
    ['courtesyTopics', undefined, lexicon.courtesyTopics],
    ['actionTopics', undefined, lexicon.actionTopics],
    ['factTopics', undefined, lexicon.factTopics],
    ['feeTopics', undefined, lexicon.feeTopics],
    ...lexicon.relatedTopics.map((group, g): [string, number, readonly string[]] => [
      'relatedTopics',
      g,
      group,
    ]),
  ];
  for (const [field, group, topics] of topicLists) {
    topics.forEach((topic, i) => {
      if (!lexicon.topics.includes(topic)) {
        report(
          group === undefined ? [field, i] : [field, group, i],
          `未知的话题 "${topic}"，须在 topics 中${didYouMean(topic, lexicon.topics)}`,
        );
      }
    });
  }
  for (const [name, objection] of Object.entries(lexicon.objections)) {
    objection.topics.forEach((topic, i) => {
      if (!lexicon.topics.includes(topic))
        report(
          ['objections', name, 'topics', i],
          `未知的话题 "${topic}"，须在 topics 中${didYouMean(topic, lexicon.topics)}`,
        );
    });
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

/** An image the file names must be in the library's images/ folder (when the loader was told which exist). */
function checkAsset(ctx: CheckContext, report: Report, path: FieldPath, name: string | undefined): void {
  const assets = ctx.library.assets;
  if (name === undefined || assets === null || assets.has(name)) return;
  report(path, `找不到图片 "${name}"：把图片放进场景库的 images/ 文件夹${didYouMean(name, assets)}`);
}

/** An exception's condition words name one case: two cases of one fact may not share a word. */
function checkFactCases(fact: Fact, at: FieldPath, report: Report): void {
  if (fact.kind === 'options') return;
  const seen = new Set<string>();
  fact.except.forEach((c, i) => {
    c.when.forEach((word, j) => {
      if (seen.has(word)) report([...at, 'except', i, 'when', j], `条件 "${word}" 在别的例外里已经写过`);
      seen.add(word);
    });
  });
}

export function checkCategory(category: Category, ctx: CheckContext, report: Report): void {
  for (const [key, fact] of Object.entries(category.facts)) {
    checkTopic(ctx, report, ['facts', key, 'topic'], fact.topic);
    checkFactCases(fact, ['facts', key], report);
  }
}

export function checkProduct(product: Product, ctx: CheckContext, report: Report): void {
  const category = product.category === undefined ? undefined : ctx.library.categories.get(product.category);
  if (product.category !== undefined && !category) {
    report(
      ['category'],
      `未知的品类 "${product.category}"，须在 scenarios/categories/ 中${didYouMean(product.category, ctx.library.categories.keys())}`,
    );
  }
  for (const [key, fact] of Object.entries(product.facts)) {
    if (category?.facts[key] === fact) continue; // inherited: checked in the category's file
    checkTopic(ctx, report, ['facts', key, 'topic'], fact.topic);
    checkFactCases(fact, ['facts', key], report);
  }
  checkAsset(ctx, report, ['image'], product.image);
}

export function checkPhraseLibrary(phrases: PhraseLibrary, ctx: CheckContext, report: Report): void {
  phrases.groups.forEach((group, g) => {
    group.phrases.forEach((phrase, p) => {
      checkAsset(ctx, report, ['groups', g, 'phrases', p, 'image'], phrase.image);
      for (const problem of variableProblems(phrase.text))
        report(['groups', g, 'phrases', p, 'text'], problem);
      phrase.topics.forEach((topic, t) => {
        checkTopic(ctx, report, ['groups', g, 'phrases', p, 'topics', t], topic);
      });
    });
  });
}

/**
 * Steps that failed validation are undefined (already reported). `products`: the scenario's products, when
 * the script belongs to one (an order change must name one of their options).
 */
export function checkScript(
  script: readonly (AgentStep | undefined)[],
  at: FieldPath,
  library: Library,
  report: Report,
  products?: readonly string[],
  warnNoOrder?: Report,
): void {
  script.forEach((step, i) => {
    // The scenario's buyer never orders: {订单号} in a phrase this script sends is sent as nothing.
    const phrase = step?.phrase === undefined ? undefined : findPhrase(library, step.phrase);
    if (warnNoOrder && phrase && unfilledVariables(phrase.text).some((v) => v.name === '订单号')) {
      warnNoOrder(
        [...at, i, 'phrase'],
        `警告：话术 "${step!.phrase}" 里的 {订单号} 没有值——这个场景的买家不下单，发出去是空的；换一句不带订单号的话术，或让买家下单`,
      );
    }
    if (step?.product !== undefined && !library.products.has(step.product)) {
      report(
        [...at, i, 'product'],
        `未知的商品 "${step.product}"${didYouMean(step.product, library.products.keys())}`,
      );
    }
    if (step?.option !== undefined && products !== undefined) {
      const known = products
        .map((id) => library.products.get(id))
        .filter((p): p is Product => p !== undefined);
      if (known.length > 0 && !known.some((p) => resolveOption(p, step.option!))) {
        report(
          [...at, i, 'option'],
          `"${step.option}" 不是本场景商品的款式${didYouMean(step.option, known.flatMap(optionValues))}`,
        );
      }
    }
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

/**
 * `warn`: where a buyer's scripts are valid but will not do what their author meant (a phrase variable with no
 * value in this scenario).
 */
export function checkBuyer(buyer: BuyerParts, ctx: CheckContext, report: Report, warn?: Report): void {
  const { library } = ctx;
  checkUnit(ctx, report, buyer.unit);
  buyer.products.forEach((id, i) => {
    checkProductId(ctx, report, ['products', i], id);
  });
  buyer.orderProducts.forEach((product, i) => {
    if (product !== undefined) checkProductId(ctx, report, ['persona', 'orders', i, 'product'], product);
  });

  const objections = Object.keys(library.lexicon.objections);
  const checkLine = (
    path: FieldPath,
    line: {
      ask?: string | undefined;
      objection?: string | undefined;
      photo?: string | undefined;
      answeredBy?: readonly string[] | undefined;
      need?: readonly string[] | undefined;
    },
  ) => {
    checkAsset(ctx, report, [...path, 'photo'], line.photo);
    line.answeredBy?.forEach((image, k) => {
      checkAsset(ctx, report, [...path, 'answeredBy', k], image);
    });
    if (line.answeredBy !== undefined && line.ask === undefined)
      report([...path, 'answeredBy'], 'answeredBy 要和 ask 一起写：图片回答的是这句话问的商品事实', 'key');
    line.need?.forEach((id, k) => {
      checkProductId(ctx, report, [...path, 'need', k], id);
    });
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
    // Variants must be options of the product ordered (the scenario's first product unless named).
    const ordered = library.products.get(product ?? buyer.products[0] ?? '');
    const options = beat.order?.option;
    const named = options === undefined ? [] : typeof options === 'string' ? [options] : options;
    named.forEach((option, k) => {
      if (ordered && !resolveOption(ordered, option)) {
        const path: FieldPath =
          typeof options === 'string' ? ['beats', i, 'order', 'option'] : ['beats', i, 'order', 'option', k];
        report(
          path,
          `"${option}" 不是商品 "${ordered.id}" 的选项${didYouMean(option, optionValues(ordered))}`,
        );
      }
    });
    const wanted = beat.change?.option;
    if (wanted !== undefined) {
      const known = buyer.products
        .map((id) => library.products.get(id))
        .filter((p): p is Product => p !== undefined);
      const resolved = known.map((p) => resolveOption(p, wanted)).find((r) => r !== undefined);
      if (known.length > 0 && resolved === undefined) {
        report(
          ['beats', i, 'change', 'option'],
          `"${wanted}" 不是本场景商品的款式${didYouMean(wanted, known.flatMap(optionValues))}`,
        );
      } else if (resolved && !resolved.option.inStock) {
        report(
          ['beats', i, 'change', 'option'],
          `${resolved.option.value} 缺货：客服改不成，换一个有货的款式`,
        );
      }
    }
  });
  // The beat graph is only judged whole: a beat that failed validation would make its neighbours look wrong.
  const beats = buyer.beats.filter((b): b is Beat => b !== undefined);
  if (beats.length === buyer.beats.length) checkBeats(beats, report);
  else checkBeatsOneByOne(buyer.beats, report);

  // An order number exists only once a beat placed an order (a recommendation joins or follows one).
  const neverOrders = beats.length === buyer.beats.length && !beats.some((b) => b.order !== undefined);
  const warnNoOrder = neverOrders ? warn : undefined;
  checkScript(buyer.modelAnswer, ['modelAnswer'], library, report, buyer.products, warnNoOrder);
  buyer.counterExampleScripts.forEach((script, i) => {
    checkScript(script, ['counterExamples', i, 'script'], library, report, buyer.products, warnNoOrder);
  });
}

/** The part a corpus file belongs to, from its folder: corpus/dev/ or corpus/holdout/. */
function corpusPart(path: string): CorpusEntry['part'] | undefined {
  const parts = path.replace(/\\/g, '/').split('/');
  const folder = parts[parts.length - 2];
  return folder === 'dev' || folder === 'holdout' ? folder : undefined;
}

/**
 * Checks a judgement corpus file's references (products, facts asked, objection kinds, quick phrases, ids
 * unique across the corpus: `ids` maps each id seen so far to its file) and returns its cases.
 */
export function checkCorpus(
  cases: readonly { index: number; case: CorpusCase }[],
  source: SourceFile,
  ctx: CheckContext,
  report: Report,
  ids: Map<string, string>,
): CorpusEntry[] {
  const { library } = ctx;
  const part = corpusPart(source.path);
  if (part === undefined) {
    report([], '评判语料文件要放在 corpus/dev/ 或 corpus/holdout/ 文件夹里');
    return [];
  }
  const entries: CorpusEntry[] = [];
  const objections = Object.keys(library.lexicon.objections);
  for (const { index: i, case: c } of cases) {
    const at: FieldPath = ['cases', i];
    let ok = true;
    const problem = (path: FieldPath, message: string) => {
      report([...at, ...path], message);
      ok = false;
    };
    const owner = ids.get(c.id);
    if (owner !== undefined) problem(['id'], `重复的用例 id "${c.id}"（${owner} 已使用）`);
    else ids.set(c.id, source.path);
    c.products.forEach((pid, j) => {
      if (!library.products.has(pid) && !ctx.brokenProducts.has(pid))
        problem(['products', j], `未知的商品 "${pid}"${didYouMean(pid, library.products.keys())}`);
    });
    const asks = c.ask === undefined ? [] : typeof c.ask === 'string' ? [c.ask] : c.ask;
    asks.forEach((ask, j) => {
      const found = factRefProblem(ask, c.products, library.products, ctx.brokenProducts);
      if (found) problem(typeof c.ask === 'string' ? ['ask'] : ['ask', j], found);
    });
    if (c.objection !== undefined && ctx.hasLexicon && !library.lexicon.objections[c.objection]) {
      problem(
        ['objection'],
        `未知的异议类型 "${c.objection}"，须在 lexicon.yaml 的 objections 中${didYouMean(c.objection, objections)}`,
      );
    }
    if (c.source !== 'typed') {
      const phrase = findPhrase(library, c.source);
      if (!phrase) {
        const known = ['typed', ...library.phrases.keys(), ...library.phrasesByCode.keys()];
        problem(['source'], `未知的快捷话术 "${c.source}"（手打写 typed）${didYouMean(c.source, known)}`);
      } else if (c.reply !== undefined && c.reply !== phrase.text) {
        problem(['reply'], `与话术 "${phrase.id}" 的原文不同；用快捷话术时 reply 可以不写`);
      }
    }
    if (ok) entries.push({ case: c, part, file: source.path, line: locate(source, at).line });
  }
  return entries;
}

/** A buyer's `unit` names a unit of the learning path. */
function checkUnit(ctx: CheckContext, report: Report, unit: string | undefined): void {
  if (unit === undefined) return;
  if (!ctx.hasCourse) {
    report(
      ['unit'],
      '场景库没有学习路径文件（scenarios/course/path.yaml），unit 无处可查：先写学习路径，或删掉 unit',
    );
    return;
  }
  const course = ctx.library.course;
  if (course === null) return;
  const ids = course.units.map((u) => u.id);
  if (!ids.includes(unit))
    report(['unit'], `未知的学习单元 "${unit}"，须是学习路径的 units 之一${didYouMean(unit, ids)}`);
}

/** Unit ids are unique, and each unit has at least as many scenarios as its pass mark asks for. */
export function checkCourse(course: Course, ctx: CheckContext, report: Report): void {
  const seen = new Set<string>();
  course.units.forEach((unit, i) => {
    if (seen.has(unit.id)) report(['units', i, 'id'], `重复的单元 id "${unit.id}"`);
    seen.add(unit.id);
    const count = ctx.buyerUnits.filter((u) => u === unit.id).length;
    if (unit.pass.scenarios > count) {
      report(
        ['units', i, 'pass', 'scenarios'],
        `单元“${unit.name}”只有 ${count} 个场景（买家场景的 unit: ${unit.id}），过关却要通过 ${unit.pass.scenarios} 个：减少要求或给这个单元加场景`,
      );
    }
  });
}
