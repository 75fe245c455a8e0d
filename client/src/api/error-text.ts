// An error's words in the current language, looked up from its code (the server's Chinese text is not
// shown as is, so the English workbench says it in English).
import { ERROR_TEXT_ZH } from '@kefu/shared/api/error-text.zh-CN';
import type { ErrorCode } from '@kefu/shared/protocol';
import type { TFunction } from 'i18next';
import type { ClientError } from './http.ts';

export function describeError(t: TFunction, error: ClientError): string {
  if (error.code === 'network') return t('errors.network');
  return t(`apiErrors.${error.code}`, { ...error.params });
}

// Every code has its Chinese words (the protocol's table of codes is checked against them), so their keys
// are the codes: read here rather than from the protocol module, which would bring zod into the first chunk.
const CODES: ReadonlySet<string> = new Set(Object.keys(ERROR_TEXT_ZH));

/** The code of a refused socket handshake (the server puts `{ error: { code, message } }` in its data). */
export function handshakeRefusal(error: Error): ErrorCode | null {
  const code = (error as Error & { data?: { error?: { code?: unknown } } }).data?.error?.code;
  return typeof code === 'string' && CODES.has(code) ? (code as ErrorCode) : null;
}
