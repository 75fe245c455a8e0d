// What a new password must not be (NIST SP 800-63B: a minimum length — the protocol's 8 — and a check
// against passwords known to be common, rather than composition rules): one of the ~49,000 most common
// passwords (zxcvbn-ts's list, shipped with the server) or such a password wrapped in digits and symbols
// ("password123!"), a few common in China that list lacks, the username, or one character repeated.
import { dictionary } from '@zxcvbn-ts/language-common';
import { fail } from '../errors.ts';

/** Love-number and pinyin favourites (5201314 = 我爱你一生一世) missing from the international list. */
const COMMON_IN_CHINA = [
  'woaini1314',
  'woaini520',
  'woaini521',
  'woaini123',
  'woaini1314520',
  'aini1314',
  'aini520',
  '5201314520',
  '13145201314',
  '1314woaini',
  'iloveyou1314',
  'wangyi123',
  'zhang123',
  'qwe123456',
  'qq5201314',
  'abc5201314',
  'woaiwojia',
  'nihao123',
  'nihao123456',
  'mima123456',
  'mima1234',
  'zhongguo',
  'zhongguo123',
  'beijing2008',
  'kefu123456',
  'taobao123',
];

let common: Set<string> | null = null;
function commonPasswords(): Set<string> {
  common ??= new Set([...dictionary['passwords-common'], ...COMMON_IN_CHINA]);
  return common;
}

/** The password without the digits and symbols people put before and after a word ("!password123"). */
const core = (password: string) => password.replace(/^[\d\W_]+|[\d\W_]+$/gu, '');

/** Why `password` may not be used by `username`, in Chinese; null when it may. */
export function passwordWeakness(password: string, username: string): string | null {
  const lower = password.normalize('NFKC').toLowerCase();
  const name = username.toLowerCase();
  if (/^(.)\1*$/su.test(lower) || lower.trim() === '') return '不能全是同一个字符';
  if (lower === name || core(lower) === name) return '不能和用户名相同';
  const list = commonPasswords();
  const word = core(lower);
  if (list.has(lower) || (word.length >= 4 && list.has(word))) return '这是一个常见密码';
  return null;
}

/** Refuses a weak new password with `weak-password` (400), saying why. */
export function assertStrongPassword(password: string, username: string): void {
  const reason = passwordWeakness(password, username);
  if (reason) throw fail('weak-password', { reason });
}
