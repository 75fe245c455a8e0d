// Completion for scenario YAML: at a key position, the schema's property names (inserted as `key: `);
// elsewhere, catalogue ids (products, quick-phrase ids and codes, rule ids) with what they name.
import type { CompletionContext, CompletionResult } from '@codemirror/autocomplete';

export interface CompletionData {
  keys: readonly string[];
  words: readonly { label: string; detail: string }[];
}

const WORD = /[\w\-\u4e00-\u9fff.]*/;

export function yamlCompletion(data: () => CompletionData) {
  return (ctx: CompletionContext): CompletionResult | null => {
    const word = ctx.matchBefore(WORD);
    if (!word || (word.from === word.to && !ctx.explicit)) return null;
    const line = ctx.state.doc.lineAt(ctx.pos);
    const before = line.text.slice(0, word.from - line.from);
    const atKey = /^\s*(-\s+)?$/.test(before) || /[{,]\s*$/.test(before);
    const { keys, words } = data();
    return {
      from: word.from,
      options: atKey
        ? keys.map((key) => ({ label: key, type: 'property', apply: `${key}: ` }))
        : words.map((w) => ({ label: w.label, detail: w.detail, type: 'constant' })),
      validFor: /^[\w\-\u4e00-\u9fff.]*$/,
    };
  };
}
