// Field schemas used across requests: ids, names, passwords. One definition each, one Chinese message each.
import { z } from 'zod';

export const entityId = z.string().min(1, '缺少 id').max(64, 'id 过长');
export const scenarioId = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, '场景 id 只能是小写字母、数字和连字符');
/** Path parameters naming one record. */
export const idParams = z.object({ id: entityId });

export const username = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_.-]{3,32}$/, '用户名为 3–32 位字母、数字、下划线、点或连字符');
export const password = z.string().min(8, '密码至少 8 位').max(128, '密码最多 128 位');
/** A person's name is one line: a line break in it split rows of CSV exports and lines of every page. */
export const displayName = z
  .string()
  .trim()
  .min(1, '请填写姓名')
  .max(40, '姓名最多 40 个字')
  .regex(/^[^\t\n\v\f\r\u0085\u2028\u2029]*$/, '姓名只能写一行，不能有换行或制表符');
export const joinCode = z.string().trim().min(4).max(16);

export const OkSchema = z.object({ ok: z.literal(true) });
