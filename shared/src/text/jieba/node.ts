// The segmenter under Node (server, CLI, Vitest, scripts): jieba-wasm's Node build compiles its WebAssembly
// synchronously when first imported, so it is ready at once. Chosen by the `#jieba` import condition.
import { cut, tag } from 'jieba-wasm';

export const loadJieba = async (): Promise<void> => {};
export const jiebaReady = (): boolean => true;
export const jiebaTag = (text: string): { word: string; tag: string }[] => tag(text, false);
export const jiebaCut = (text: string): string[] => cut(text, false);
