// A scenario file parsed with positions kept, so every error can point at the key or value it is about.
import {
  type Document,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  type Node,
  parseDocument,
} from 'yaml';
import type { SourceError } from './source-error.ts';

export type FieldPath = readonly (string | number)[];

export interface SourceFile {
  path: string;
  text: string;
  doc: Document.Parsed;
  lineCounter: LineCounter;
  /** The plain data (aliases resolved); undefined when the YAML could not be read. */
  data: unknown;
}

/** Where an error points: the key of a field (unknown or misplaced keys) or its value (wrong values). */
export type Anchor = 'key' | 'value';

const YAML_ERRORS: Record<string, string> = {
  DUPLICATE_KEY: '重复的键',
  BAD_INDENT: '缩进不对',
  MISSING_CHAR: '缺少字符（引号或括号没有闭合？）',
  MULTILINE_IMPLICIT_KEY: '键不能跨行（是不是少了冒号后的空格或缩进不对？）',
  BLOCK_AS_IMPLICIT_KEY: '键不能是块结构（检查缩进）',
  TAB_AS_INDENT: '不能用 Tab 缩进，请用空格',
  UNEXPECTED_TOKEN: '意外的符号',
  MULTIPLE_DOCS: '一个文件只能有一个 YAML 文档',
  BAD_SCALAR_START: '这个值不能以此字符开头，请加引号',
  ALIAS_PROPS: '别名不能带标签或锚点',
  BAD_ALIAS: '别名无效',
  BAD_DIRECTIVE: '指令无效',
  BAD_DQ_ESCAPE: '双引号字符串中的转义无效',
  MISSING_ANCHOR: '引用了不存在的锚点',
  UNEXPECTED_EOF: '文件意外结束',
};

const STACK_OVERFLOW = 'Maximum call stack size exceeded';
/** A file nested deeper than the parser can follow (`[[[[…` thousands deep): a mistake or an attack. */
const TOO_DEEP = 'YAML 嵌套太深：括号或缩进套了太多层，请减少层数后再保存';
/** An alias bomb (anchors referring to anchors, exploding when expanded). */
const TOO_MANY_ALIASES = 'YAML 引用（*别名）展开后过多：请直接写出内容，或减少对同一锚点的引用';

/** Parses one file; YAML syntax problems come back as errors at their own positions, never thrown. */
export function parseSource(file: { path: string; text: string }): {
  source: SourceFile;
  errors: SourceError[];
} {
  const lineCounter = new LineCounter();
  const doc = parseDocument(file.text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const errors: SourceError[] = [];
  for (const e of doc.errors) {
    const { line, col } = lineCounter.linePos(e.pos[0]);
    const english = e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    if (english.startsWith(STACK_OVERFLOW)) {
      // The parser gave up where the nesting ran out of stack: one error there, in words, is enough.
      if (!errors.some((x) => x.message === TOO_DEEP))
        errors.push({ file: file.path, line, col, message: TOO_DEEP });
      continue;
    }
    const chinese = YAML_ERRORS[e.code];
    errors.push({
      file: file.path,
      line,
      col,
      message: `YAML 语法错误：${chinese ?? '无法解析'}（${english}）`,
    });
  }
  let data: unknown;
  if (errors.length === 0) {
    try {
      data = doc.toJS({ maxAliasCount: 1000 });
    } catch (e) {
      // Alias bombs and similar: report instead of throwing, the loader never throws.
      const message = (e as Error).message;
      errors.push({
        file: file.path,
        line: 1,
        col: 1,
        message: message.startsWith('Excessive alias count') ? TOO_MANY_ALIASES : `YAML 无法展开：${message}`,
      });
    }
  }
  return { source: { path: file.path, text: file.text, doc, lineCounter, data }, errors };
}

function deref(source: SourceFile, node: unknown): unknown {
  return isAlias(node) ? node.resolve(source.doc) : node;
}

/** The deepest node along `path` and the key node of its last step, stopping where the file ends. */
function walk(
  source: SourceFile,
  path: FieldPath,
): { node: Node | null; key: Node | null; complete: boolean } {
  let node = deref(source, source.doc.contents) as Node | null;
  let key: Node | null = null;
  for (const step of path) {
    if (isMap(node)) {
      const pair = node.items.find(
        (p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(step),
      );
      if (!pair) return { node, key, complete: false };
      key = pair.key as Node;
      node = (deref(source, pair.value) as Node | null) ?? key;
    } else if (isSeq(node) && typeof step === 'number' && node.items[step] !== undefined) {
      key = null;
      node = deref(source, node.items[step]) as Node;
    } else {
      return { node, key, complete: false };
    }
  }
  return { node, key, complete: true };
}

/** 1-based line and column of the key or value at `path` (or of the nearest enclosing node that exists). */
export function locate(
  source: SourceFile,
  path: FieldPath,
  anchor: Anchor = 'value',
): { line: number; col: number } {
  const { node, key, complete } = walk(source, path);
  const target = complete && anchor === 'key' && key ? key : !complete && key ? key : node;
  const offset = target?.range?.[0] ?? firstContentOffset(source.text);
  return source.lineCounter.linePos(offset);
}

/** Where a missing top-level field would be reported: the first line that is not a comment. */
function firstContentOffset(text: string): number {
  const match = /^(?!\s*#)\s*\S/m.exec(text);
  return match ? match.index + match[0].length - 1 : 0;
}

/** `beats[2].ask`, `facts.colour.options[0]`: how a field is named in messages. */
export function formatPath(path: FieldPath): string {
  let out = '';
  for (const step of path) {
    if (typeof step === 'number') out += `[${step}]`;
    else out += out === '' ? step : `.${step}`;
  }
  return out;
}

/** An error at a field, its message prefixed with the field's name. */
export function errorAt(
  source: SourceFile,
  path: FieldPath,
  message: string,
  anchor: Anchor = 'value',
): SourceError {
  const { line, col } = locate(source, path, anchor);
  const name = formatPath(path);
  return { file: source.path, line, col, message: name === '' ? message : `${name} ${message}` };
}
