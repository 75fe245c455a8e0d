// Scenario YAML completion: schema keys where a key goes, catalogue ids where a value goes.
import { CompletionContext } from '@codemirror/autocomplete';
import { EditorState } from '@codemirror/state';
import { loadLibrary } from '@kefu/shared';
import { describe, expect, it } from 'vitest';
import { yamlCompletion } from '../../../client/src/staff/studio/completion.ts';
import { catalogueWords, schemaKeys } from '../../../client/src/staff/studio/validate.ts';
import { readLibrary } from '../../../server/src/cli/read-library.ts';

const { library } = loadLibrary(readLibrary('scenarios'));
const complete = yamlCompletion(() => ({ keys: schemaKeys('buyer'), words: catalogueWords(library) }));

function at(doc: string) {
  const pos = doc.indexOf('|');
  const text = doc.replace('|', '');
  return complete(new CompletionContext(EditorState.create({ doc: text }), pos, false));
}

describe('yaml completion', () => {
  it('offers the buyer schema keys at a key position', () => {
    const res = at('id: x\nbeats:\n  - say: [在吗]\n    obj|');
    const labels = res?.options.map((o) => o.label) ?? [];
    expect(labels).toContain('objection');
    expect(labels).toContain('modelAnswer');
    expect(res?.options.find((o) => o.label === 'objection')?.apply).toBe('objection: ');
  });

  it('offers product ids and quick-phrase codes at a value position', () => {
    const products = at('products: [down|');
    expect(
      products?.options.some(
        (o) => o.label === 'down-jacket' && o.detail === library.products.get('down-jacket')?.name,
      ),
    ).toBe(true);
    const phrase = at('modelAnswer:\n  - { after: 3, phrase: js|');
    expect(phrase?.options.some((o) => o.label === 'js2')).toBe(true);
  });

  it('stays quiet on an empty word unless asked', () => {
    expect(at('title: |')).toBeNull();
  });
});
