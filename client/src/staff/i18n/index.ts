// Registers the staff pages' strings (namespace `staff`) when the staff chunk loads; both languages are
// small, so they come together and a language switch needs no extra download.
import { i18n } from '../../i18n/index.ts';
import { staffEn } from './en.ts';
import { staffZhCN } from './zh-CN.ts';

export function registerStaffStrings(): void {
  if (!i18n.hasResourceBundle('zh-CN', 'staff')) i18n.addResourceBundle('zh-CN', 'staff', staffZhCN);
  if (!i18n.hasResourceBundle('en', 'staff')) i18n.addResourceBundle('en', 'staff', staffEn);
}

registerStaffStrings();
