import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { loadLibrary, parseAgentScript } from '../../../shared/src/scenario/load.ts';
import { fixture, VALID } from './library-files.ts';

const FOLDERS = ['products', 'phrases', 'rubrics', 'buyers', 'misc'];
const fileAt = (folder: string, i: number) =>
  folder === 'misc' ? `s/lexicon.yaml` : `s/${folder}/f${i}.yaml`;

/** Well-formed positions: every error points inside the file it names. */
function assertErrorsWellFormed(errors: { line: number; col: number; message: string }[]) {
  for (const e of errors) {
    expect(e.line).toBeGreaterThanOrEqual(1);
    expect(e.col).toBeGreaterThanOrEqual(1);
    expect(e.message.length).toBeGreaterThan(0);
  }
}

describe('loadLibrary never throws', () => {
  it('on arbitrary text in any folder', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...FOLDERS), fc.string({ unit: 'grapheme' })), { maxLength: 5 }),
        (files) => {
          const { errors } = loadLibrary(
            files.map(([folder, text], i) => ({ path: fileAt(folder, i), text })),
          );
          assertErrorsWellFormed(errors);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('on arbitrary JSON-ish values serialised to YAML', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...FOLDERS), fc.jsonValue()), { maxLength: 5 }),
        (files) => {
          const { errors } = loadLibrary(
            files.map(([folder, value], i) => ({ path: fileAt(folder, i), text: stringify(value) })),
          );
          assertErrorsWellFormed(errors);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('on the valid library with one field replaced by an arbitrary value', () => {
    const base = fixture(VALID);
    const buyer = base.find((f) => f.path.includes('/buyers/'))!;
    const keys = ['beats', 'persona', 'products', 'modelAnswer', 'counterExamples', 'difficulty', 'goal'];
    fc.assert(
      fc.property(fc.constantFrom(...keys), fc.jsonValue(), (key, value) => {
        const text =
          `${buyer.text}\n`.replace(new RegExp(`^${key}:`, 'm'), `${key}_old:`) + stringify({ [key]: value });
        const { errors } = loadLibrary(base.map((f) => (f === buyer ? { ...f, text } : f)));
        assertErrorsWellFormed(errors);
        expect(errors.length).toBeGreaterThan(0); // the renamed key is unknown at least
      }),
      { numRuns: 200 },
    );
  });

  it('parseAgentScript on arbitrary values', () => {
    const { library } = loadLibrary(fixture(VALID));
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const { script, errors } = parseAgentScript({ path: 'a.yaml', text: stringify(value) }, library);
        if (errors.length > 0) expect(script).toEqual([]);
        assertErrorsWellFormed(errors);
      }),
      { numRuns: 300 },
    );
  });
});
