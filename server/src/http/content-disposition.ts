// The one Content-Disposition every download sends (grades.csv, export.csv, the appeals corpus …), whose
// name comes from what users typed (a class's name): RFC 6266 with an ASCII fallback and the real name as
// RFC 8187 `filename*`. The name is made safe for every system's files first — line breaks and tabs become
// spaces (CR/LF in a header would be refused by Node and fail the download), characters Windows forbids
// (\ / : * ? " < > |) become _, leading dots and spaces go (no hidden or path-like names), and it is cut to
// a length every file system takes, whole characters only, keeping its extension.

import { cleanText } from './client-text.ts';

/** Characters (graphemes): 80 Chinese ones are 240 bytes of UTF-8, within the 255 most file systems allow. */
const MAX_NAME_CHARS = 80;

export function safeFileName(name: string, fallback: string): string {
  // cleanText also turns a lone surrogate (in a name stored before input was cleaned) into U+FFFD, which
  // encodeURIComponent would otherwise throw on.
  const cleaned = cleanText(name)
    .replace(/[\t\r\n\v\f\u2028\u2029]+/g, ' ')
    .replace(/[\\/:*?"<>|\p{Cc}]/gu, '_')
    .replace(/^[\s._]+/u, '')
    .trim();
  if (cleaned === '') return fallback;
  const dot = cleaned.lastIndexOf('.');
  const extension = dot > 0 && cleaned.length - dot <= 8 ? cleaned.slice(dot) : '';
  const base = [...new Intl.Segmenter().segment(cleaned.slice(0, cleaned.length - extension.length))];
  if (base.length + extension.length <= MAX_NAME_CHARS) return cleaned;
  return `${base
    .slice(0, MAX_NAME_CHARS - extension.length)
    .map((s) => s.segment)
    .join('')
    .trimEnd()}${extension}`;
}

/** RFC 8187 value-chars: encodeURIComponent leaves ' ( ) * ! as they are, and ' ends the charset part. */
function encodeExtValue(text: string): string {
  return encodeURIComponent(text).replace(
    /['()*!]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** `attachment` named `filename`, with `fallback` (plain ASCII, e.g. the route's own `grades.csv`) for old clients. */
export function attachment(filename: string, fallback: string): string {
  const ascii = fallback.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeExtValue(safeFileName(filename, ascii))}`;
}
