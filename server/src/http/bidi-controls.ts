// Bidirectional embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069) are invisible and
// reorder the text around them: a name "小明\u202Egnp.exe" reads as "小明exe.png", a message can hide what it
// says ("Trojan Source"). No Chinese or English text needs them, so every string a client sends arrives
// without them — names, messages, comments, scenario files. Passwords are left as typed: never shown.
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

const isPasswordField = (key: string) => /password/i.test(key);

/** A copy of a JSON value (a request body, a socket payload) with the controls removed from every string. */
export function withoutBidiControls(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(BIDI_CONTROLS, '');
  if (Array.isArray(value)) return value.map(withoutBidiControls);
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value))
      out[key] = isPasswordField(key) ? v : withoutBidiControls(v);
    return out;
  }
  return value;
}
