// Words, not characters: jieba cuts a clause into words with its base dictionary only. The judge
// must be a pure function of (library, text), so no user word is ever added to jieba (its dictionary is
// process-global): the library's own terms are matched by the vocabulary trie, and jieba's word boundaries
// only veto a term that would start in the middle of a word (有的 inside 所有的).
//
// Loading: under Node the WebAssembly is compiled synchronously on import; in the browser `loadSegmenter()`
// must be awaited once before judging (the studio does so before proving). See `#jieba` in package.json.
import { jiebaCut, jiebaReady, jiebaTag, loadJieba } from '#jieba';

export interface Word {
  /** UTF-16 offsets into the text that was cut. */
  start: number;
  end: number;
}

export interface TaggedWord extends Word {
  /** jieba's part of speech (v verb, a adjective, n noun, d adverb, m numeral, x unknown…). */
  tag: string;
}

/** Resolves when words can be cut: at once under Node, after the WebAssembly loaded in the browser. */
export const loadSegmenter = (): Promise<void> => loadJieba();
export const segmenterReady = (): boolean => jiebaReady();

export class SegmenterNotLoadedError extends Error {
  constructor() {
    super('中文分词器还没有加载：在浏览器里评判之前先 await loadSegmenter()');
  }
}

/** The words of `text` in order; they cover it exactly. Runs on every message: cutting only, no tagging. */
export function cutWords(text: string): Word[] {
  if (text.length === 0) return [];
  if (!jiebaReady()) throw new SegmenterNotLoadedError();
  const words: Word[] = [];
  let at = 0;
  for (const word of jiebaCut(text)) {
    words.push({ start: at, end: at + word.length });
    at += word.length;
  }
  return words;
}

/** The words of `text` with their parts of speech (several times slower than `cutWords`: catalogue texts only). */
export function tagWords(text: string): TaggedWord[] {
  if (text.length === 0) return [];
  if (!jiebaReady()) throw new SegmenterNotLoadedError();
  const words: TaggedWord[] = [];
  let at = 0;
  for (const { word, tag } of jiebaTag(text)) {
    words.push({ start: at, end: at + word.length, tag });
    at += word.length;
  }
  return words;
}
