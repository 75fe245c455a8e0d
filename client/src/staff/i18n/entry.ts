// The two strings of the way into the staff pages, shown on Home before the staff chunk loads.
import { i18n } from '../../i18n/index.ts';

export const STAFF_ENTRY_NS = 'staffEntry';

const entry: Record<string, object> = {
  'zh-CN': { trainer: '班级报告与评分', instructor: '教师工作台：报告、演练与场景工作室' },
  en: { trainer: 'Class reports and grades', instructor: 'Staff desk: reports, drills and scenario studio' },
};

const add = () => {
  for (const [lng, strings] of Object.entries(entry)) {
    if (!i18n.hasResourceBundle(lng, STAFF_ENTRY_NS)) i18n.addResourceBundle(lng, STAFF_ENTRY_NS, strings);
  }
};
if (i18n.isInitialized) add();
else i18n.on('initialized', add);
