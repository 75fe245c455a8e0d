// zod's own messages in Chinese (its zh-CN locale), for validating request bodies where a schema field gives
// no message of its own: every error a person reads is Chinese.
import { zhCN } from 'zod/locales';

export const zodChineseError = zhCN().localeError;
