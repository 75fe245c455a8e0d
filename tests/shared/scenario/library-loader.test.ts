// The studio's loader remembers the files it read, so checking an edit against the whole library parses
// only the edited file; whatever it reuses, it gives exactly what loading everything from scratch gives.
import { describe, expect, it } from 'vitest';
import { readLibrary } from '../../../server/src/cli/read-library.ts';
import { createLibraryLoader, loadLibrary } from '../../../shared/src/scenario/load.ts';

const FILES = readLibrary('scenarios').filter((f) => !f.path.includes('/corpus/'));

function edit(path: string, change: (text: string) => string) {
  return FILES.map((f) => (f.path === path ? { ...f, text: change(f.text) } : f));
}

describe('createLibraryLoader', () => {
  it('gives what loadLibrary gives, edit after edit, also when it reuses what it read before', () => {
    const load = createLibraryLoader();
    const steps = [
      FILES,
      edit('scenarios/buyers/price-objection.yaml', (t) =>
        t.replace('products: [down-jacket]', 'products: [x]'),
      ),
      // A category's facts reach its products: a reused product must not keep the old category's facts.
      edit('scenarios/categories/apparel.yaml', (t) => t.replace('value: true', 'value: false')),
      FILES,
    ];
    for (const files of steps) {
      const fresh = loadLibrary(files);
      const reused = load(files);
      expect(reused.errors).toEqual(fresh.errors);
      expect(reused.library.products).toEqual(fresh.library.products);
      expect(reused.library.buyers).toEqual(fresh.library.buyers);
      expect(reused.library.versions).toEqual(fresh.library.versions);
    }
    const apparel = edit('scenarios/categories/apparel.yaml', (t) =>
      t.replace('value: true', 'value: false'),
    );
    expect(load(apparel).library.products.get('down-jacket')?.facts['seven-day-return']).toMatchObject({
      value: false,
    });
    expect(load(FILES).library.products.get('down-jacket')?.facts['seven-day-return']).toMatchObject({
      value: true,
    });
  });

  it('reads each file once while only one file changes', () => {
    const load = createLibraryLoader();
    load(FILES);
    const before = load(FILES).library;
    const after = load(edit('scenarios/buyers/price-objection.yaml', (t) => `${t}# 改动\n`)).library;
    // Unchanged files come back as the very objects read before; the edited one is read again.
    expect(after.buyers.get('quality-doubt')).toBe(before.buyers.get('quality-doubt'));
    expect(after.buyers.get('price-objection')).not.toBe(before.buyers.get('price-objection'));
    expect(after.versions.get('price-objection')).not.toBe(before.versions.get('price-objection'));
  });
});
