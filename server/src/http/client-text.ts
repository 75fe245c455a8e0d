// Every string a client sends (request bodies, query strings, path parameters, socket payloads) is cleaned
// once here, so no route or handler has to remember it, and what is acknowledged is exactly what is stored:
// - bidirectional embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069) are removed: they
//   are invisible and reorder the text around them ("小明\u202Egnp.exe" reads as "小明exe.png", a message can
//   hide what it says, "Trojan Source");
// - control characters other than tab and line breaks (NUL and the rest of C0, DEL) are removed: no text
//   needs them and PostgreSQL refuses NUL in text (it failed the request);
// - the zero-width space, word joiner and byte-order mark (U+200B, U+2060, U+FEFF) are removed, so a name of
//   only invisible characters is an empty name (the zero-width joiner of emoji sequences stays);
// - a lone UTF-16 surrogate becomes U+FFFD, as the database would store it anyway.
// Passwords are left as typed: never shown, only hashed. A value nested deeper than any request needs is
// refused rather than walked (a 1 MB body of `[[[[…` would overflow the stack).
import { fail } from '../errors.ts';

const INVISIBLE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is its purpose
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u200B\u2060\uFEFF\u202A-\u202E\u2066-\u2069]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Deeper than any request of the protocol nests (the deepest, a rubric, is 2). */
export const MAX_JSON_DEPTH = 32;

const isPasswordField = (key: string) => /password/i.test(key);

export function cleanText(text: string): string {
  return text.replace(INVISIBLE, '').replace(LONE_SURROGATE, '\uFFFD');
}

/** A copy of a JSON value with every string cleaned; throws `bad-request` when nested too deep. */
export function cleanClientValue(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return cleanText(value);
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_JSON_DEPTH) {
    throw fail('bad-request', { problem: `内容嵌套超过 ${MAX_JSON_DEPTH} 层，请检查后重试` });
  }
  if (Array.isArray(value)) return value.map((v) => cleanClientValue(v, depth + 1));
  // Plain records only (JSON objects, Fastify's null-prototype query and params): not a Buffer or a Date.
  const proto = Object.getPrototypeOf(value);
  if (proto !== null && Object.getPrototypeOf(proto) !== null) return value;
  // fromEntries defines own properties: a "__proto__" key stays a key (a strict schema refuses it) and never
  // becomes the copy's prototype.
  return Object.fromEntries(
    Object.entries(value).map(([key, v]) => [key, isPasswordField(key) ? v : cleanClientValue(v, depth + 1)]),
  );
}
