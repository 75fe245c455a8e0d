// A scenario's proof key names everything its proof reads: it changes when the scenario, a product or
// category it uses, a quick phrase its scripts send, the lexicon or the default rubric changes — and only then.
import { readFileSync } from 'node:fs';
import { type FileRecord, fileKindOf, loadLibrary, proofKeys, scenariosAffected } from '@kefu/shared';
import { describe, expect, it } from 'vitest';
import { readLibrary } from '../../../server/src/cli/read-library.ts';

/** The library without the judge's corpus (it quotes phrases; no proof reads it). */
const files = readLibrary('scenarios').filter((f) => fileKindOf(f) !== 'corpus');
const { library, errors } = loadLibrary(files);

/** The library with `path`'s text edited. */
function edited(path: string, edit: (text: string) => string) {
  const text = readFileSync(path, 'utf8');
  const changed = edit(text);
  expect(changed).not.toBe(text);
  const next: FileRecord[] = files.map((f) => (f.path === path ? { path, text: changed } : f));
  const loaded = loadLibrary(next);
  expect(loaded.errors).toEqual([]);
  return loaded.library;
}

/** Scenarios whose file (its parsed content) names `word`. */
const naming = (word: string) =>
  [...library.buyers]
    .filter(([, s]) => JSON.stringify(s).includes(word))
    .map(([id]) => id)
    .sort();

describe('proof keys', () => {
  it('are the same for the same library, loaded twice', () => {
    expect(errors).toEqual([]);
    expect(proofKeys(loadLibrary(files).library)).toEqual(proofKeys(library));
    expect(new Set(proofKeys(library).values()).size).toBe(library.buyers.size);
  });

  it('a scenario file changes its own key only', () => {
    const after = edited('scenarios/buyers/price-objection.yaml', (t) =>
      t.replace('title: 嫌贵砍价', 'title: 嫌贵砍价（新版）'),
    );
    expect(scenariosAffected(library, after)).toEqual(['price-objection']);
  });

  it('a product changes the keys of the scenarios that name it, a recommendation included', () => {
    const after = edited('scenarios/products/wool-scarf.yaml', (t) => t.replace('price: 89', 'price: 99'));
    expect(scenariosAffected(library, after)).toEqual(naming('wool-scarf'));
    expect(naming('wool-scarf')).toEqual(['mid-jacket-every-order-change', 'north-trip-cross-sell']);
  });

  it('a category changes the keys of the scenarios of its products', () => {
    const after = edited('scenarios/categories/food.yaml', (t) => t.replace('name: 食品', 'name: 食品类'));
    const products = [...library.products.values()].filter((p) => p.category === 'food').map((p) => p.id);
    expect(products.length).toBeGreaterThan(0);
    const expected = [...new Set(products.flatMap(naming))].sort();
    expect(scenariosAffected(library, after)).toEqual(expected);
    expect(expected.length).toBeLessThan(library.buyers.size);
  });

  it('a quick phrase changes the keys of the scenarios whose scripts send it', () => {
    const phrase = library.phrasesByCode.get('js2')!;
    const after = edited(`scenarios/phrases/${phrase.library}.yaml`, (t) =>
      t.replace(phrase.text, `${phrase.text}~`),
    );
    const affected = scenariosAffected(library, after);
    expect(affected).toContain('north-trip-cross-sell');
    expect(affected.length).toBeLessThan(library.buyers.size);
    for (const id of affected) {
      const names = JSON.stringify(library.buyers.get(id));
      expect(
        [phrase.id, phrase.code].some((n) => names.includes(`"${n}"`)),
        id,
      ).toBe(true);
    }
  });

  it('the lexicon and the default rubric change every key', () => {
    const every = [...library.buyers.keys()].sort();
    const lexicon = edited('scenarios/lexicon.yaml', (t) =>
      t.replace('terms: [老顾客, 老客户,', 'terms: [老铁, 老顾客, 老客户,'),
    );
    expect(scenariosAffected(library, lexicon)).toEqual(every);
    const rubric = edited('scenarios/rubrics/default.yaml', (t) =>
      t.replace('followUpSeconds: 60', 'followUpSeconds: 61'),
    );
    expect(scenariosAffected(library, rubric)).toEqual(every);
  });

  it('a scenario whose file stops loading is affected', () => {
    const after = { ...library, buyers: new Map(library.buyers) };
    after.buyers.delete('price-objection');
    expect(scenariosAffected(library, after)).toEqual(['price-objection']);
  });
});
