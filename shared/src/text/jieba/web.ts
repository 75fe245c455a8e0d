// The segmenter in the browser (the studio proves scenarios there): jieba-wasm's web build fetches and
// compiles its WebAssembly (about 4 MB, a separate asset) when `loadJieba()` is first awaited. Chosen by the
// `#jieba` import condition `browser`; only code that judges text imports it, and it loads nothing until asked.
import init, { cut, tag } from 'jieba-wasm/web';

let loading: Promise<unknown> | undefined;
let ready = false;

export function loadJieba(): Promise<void> {
  loading ??= init().then(() => {
    ready = true;
  });
  return loading.then(() => undefined);
}
export const jiebaReady = (): boolean => ready;
export const jiebaTag = (text: string): { word: string; tag: string }[] => tag(text, false);
export const jiebaCut = (text: string): string[] => cut(text, false);
