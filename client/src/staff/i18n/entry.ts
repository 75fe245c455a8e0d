// The two strings of the way into the staff pages, shown on Home before the staff chunk loads.
import { i18n } from '../../i18n/index.ts';

const entry = {
  'zh-CN': { trainer: '班级报告与评分', instructor: '教师工作台：报告、演练与场景工作室' },
  en: { trainer: 'Class reports and grades', instructor: 'Staff desk: reports, drills and scenario studio' },
};

for (const [lng, strings] of Object.entries(entry)) {
  if (!i18n.hasResourceBundle(lng, 'staffEntry')) i18n.addResourceBundle(lng, 'staffEntry', strings);
}

export const STAFF_ENTRY_NS = 'staffEntry';
