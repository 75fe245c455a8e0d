// Registers the staff pages' strings (namespace `staff`) when the staff chunk loads; both languages are
// small, so they come together and a language switch needs no extra download.
import { i18n } from '../../i18n/index.ts';
import { staffEn } from './en.ts';
import { staffZhCN } from './zh-CN.ts';

/** Adds resource bundles now, or as soon as i18next is initialised (its store exists only then). */
export function addBundles(ns: string, bundles: Record<string, object>): void {
  const add = () => {
    for (const [lng, strings] of Object.entries(bundles)) {
      if (!i18n.hasResourceBundle(lng, ns)) i18n.addResourceBundle(lng, ns, strings);
    }
  };
  if (i18n.isInitialized) add();
  else i18n.on('initialized', add);
}

addBundles('staff', { 'zh-CN': staffZhCN, en: staffEn });
