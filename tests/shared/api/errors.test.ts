// Every error code has its status, its Chinese words and its English words; the English template asks for
// no value the Chinese one does not name (the server sends only those).
import { apiError, ERROR_CODES, ERROR_STATUS, fillTemplate } from '@kefu/shared';
import { describe, expect, it } from 'vitest';
import { ERROR_TEXT_EN } from '../../../shared/src/api/error-text.en.ts';
import { ERROR_TEXT_ZH } from '../../../shared/src/api/error-text.zh-CN.ts';

const placeholders = (template: string) => [...template.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]);

describe('error codes', () => {
  it.each(ERROR_CODES)('%s has a status, Chinese and English words', (code) => {
    expect(ERROR_STATUS[code]).toBeGreaterThanOrEqual(400);
    expect(ERROR_TEXT_ZH[code]).toMatch(/[\u4e00-\u9fff]/);
    expect(ERROR_TEXT_EN[code]).toMatch(/^[\x20-\x7e“”’]+$/);
    for (const name of placeholders(ERROR_TEXT_EN[code]))
      expect(placeholders(ERROR_TEXT_ZH[code])).toContain(name);
  });

  it('fills the Chinese message from the params and sends the params along', () => {
    expect(apiError('login-locked', { minutes: 15 })).toEqual({
      code: 'login-locked',
      message:
        '登录尝试太多，账号已暂时锁定：请 15 分钟后再试，或请你的任课讲师或管理员在班级页面为你解除锁定',
      params: { minutes: 15 },
    });
    expect(apiError('unauthenticated')).toEqual({ code: 'unauthenticated', message: '请先登录' });
    expect(fillTemplate('{{a}} 和 {{b}}', { a: 1 })).toBe('1 和 {{b}}');
  });
});
