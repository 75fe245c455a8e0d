// The two UI languages say the same things: every key of every namespace (the workbench's, the staff pages',
// the admin and roster pages', the server's error codes) exists in zh-CN and in English, none missing either
// way; each pair of UI strings takes the same {{placeholders}} (an English error may leave out one whose value
// the server words in Chinese, never add one); and an English string has no Chinese left in it, except where
// Chinese is meant: the language's own name, and a class list's column headers (学号, 姓名), which the
// importer reads as they are written.
import { describe, expect, it } from 'vitest';
import '../../client/src/staff/admin/i18n.ts';
import '../../client/src/staff/i18n/entry.ts';
import '../../client/src/staff/i18n/index.ts';
import '../../client/src/staff/roster/i18n.ts';
import { i18n, initI18n, setLanguage } from '../../client/src/i18n/index.ts';

/** Every leaf of a resource bundle, as `a.b.c` → string. */
function leaves(bundle: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(bundle as Record<string, unknown>)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of leaves(value, path)) out.set(k, v);
  }
  return out;
}

async function bundles() {
  await initI18n('zh-CN');
  await setLanguage('en');
  await setLanguage('zh-CN');
  const data = i18n.store.data as Record<string, Record<string, unknown>>;
  return { zh: data['zh-CN']!, en: data.en! };
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*([\w.]+)/g)].map((m) => m[1]).sort();
const CJK = /[\u3400-\u9fff\uff00-\uffef\u3000-\u303f]/;
/** English strings that are Chinese on purpose. */
const CHINESE_ON_PURPOSE = new Set([
  'translation:lang.zh-CN',
  'admin:detail.importHint',
  'roster:hint',
  'roster:pasteHint',
]);

describe('the zh-CN and English strings', () => {
  it('have the same namespaces, and every namespace the same keys', async () => {
    const { zh, en } = await bundles();
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    expect(Object.keys(zh)).toEqual(
      expect.arrayContaining(['translation', 'staff', 'staffEntry', 'admin', 'roster']),
    );
    for (const ns of Object.keys(zh)) {
      const zhKeys = [...leaves(zh[ns]).keys()].sort();
      const enKeys = [...leaves(en[ns]).keys()].sort();
      expect({ ns, missingInEnglish: zhKeys.filter((k) => !enKeys.includes(k)) }).toEqual({
        ns,
        missingInEnglish: [],
      });
      expect({ ns, missingInChinese: enKeys.filter((k) => !zhKeys.includes(k)) }).toEqual({
        ns,
        missingInChinese: [],
      });
    }
  });

  it('take the same placeholders in both languages', async () => {
    const { zh, en } = await bundles();
    const differ: string[] = [];
    for (const ns of Object.keys(zh)) {
      const english = leaves(en[ns]);
      for (const [key, text] of leaves(zh[ns])) {
        const other = english.get(key);
        if (other === undefined) continue;
        const [mine, theirs] = [placeholders(text), placeholders(other)];
        // The server's refusals fill some placeholders with Chinese words (a role, a reason).
        const same = key.startsWith('apiErrors.')
          ? theirs.every((p) => mine.includes(p))
          : mine.join() === theirs.join();
        if (!same) differ.push(`${ns}:${key}: ${text} | ${other}`);
      }
    }
    expect(differ).toEqual([]);
  });

  it('leave no Chinese in English', async () => {
    const { en } = await bundles();
    const chinese: string[] = [];
    for (const ns of Object.keys(en)) {
      for (const [key, text] of leaves(en[ns])) {
        if (CJK.test(text) && !CHINESE_ON_PURPOSE.has(`${ns}:${key}`)) chinese.push(`${ns}:${key}: ${text}`);
      }
    }
    expect(chinese).toEqual([]);
  });
});
