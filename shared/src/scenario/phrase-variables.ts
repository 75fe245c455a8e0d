// Quick-phrase variables: {买家}, {商品} and {订单号} stand for the buyer's nick, the product talked about or
// ordered, and the order number. They are filled in when a phrase is inserted; one with no value yet stays
// visible, so the student fills it rather than sending "{订单号}" to a buyer.

export const PHRASE_VARIABLES = ['买家', '商品', '订单号'] as const;
export type PhraseVariable = (typeof PHRASE_VARIABLES)[number];

/** What the variables stand for in one conversation; a variable with no value (or an empty one) stays. */
export type PhraseValues = Partial<Record<PhraseVariable, string>>;

/** One `{…}` in a text: its name, where it is (UTF-16 offsets of the braces), and whether it is a variable. */
export interface VariableToken {
  name: string;
  start: number;
  end: number;
  known: boolean;
}

const isVariable = (name: string): name is PhraseVariable =>
  (PHRASE_VARIABLES as readonly string[]).includes(name);

/** Every `{name}` in the text, in order (a name is 1–12 characters with no space or brace). */
export function variableTokens(text: string): VariableToken[] {
  const tokens: VariableToken[] = [];
  for (const match of text.matchAll(/\{([^{}\s]{1,12})\}/g)) {
    const name = match[1]!;
    tokens.push({ name, start: match.index, end: match.index + match[0].length, known: isVariable(name) });
  }
  return tokens;
}

/** The variables of a text that are still to fill: `{订单号}` left in a draft. */
export const unfilledVariables = (text: string): VariableToken[] =>
  variableTokens(text).filter((t) => t.known);

/**
 * Fills the variables that have a value; the others stay as written, and `unfilled` says where they are in
 * the filled text (so the composer can select the first one for the student to type over).
 */
export function fillVariables(
  text: string,
  values: PhraseValues,
): { text: string; unfilled: VariableToken[] } {
  let out = '';
  let at = 0;
  const unfilled: VariableToken[] = [];
  for (const token of variableTokens(text)) {
    if (!token.known) continue;
    const value = values[token.name as PhraseVariable];
    out += text.slice(at, token.start);
    at = token.end;
    if (value) {
      out += value;
    } else {
      unfilled.push({ ...token, start: out.length, end: out.length + token.end - token.start });
      out += text.slice(token.start, token.end);
    }
  }
  return { text: out + text.slice(at), unfilled };
}

/**
 * What is wrong with a phrase's variables, for `kefu check` and the studio: one message per unknown `{name}`,
 * naming its 1-based character position in the text and the variables there are.
 */
export function variableProblems(text: string): string[] {
  const known = PHRASE_VARIABLES.map((v) => `{${v}}`).join('、');
  return variableTokens(text)
    .filter((t) => !t.known)
    .map((t) => {
      const position = [...text.slice(0, t.start)].length + 1;
      return `第 ${position} 个字起的 {${t.name}} 不是话术变量，可用的变量：${known}`;
    });
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Whether a draft is still the phrase as inserted: the filled text, with something typed in place of each
 * variable left to fill. Such a draft is sent as the phrase (with its picture), not as typed text.
 */
export function fillsPhrase(draft: string, filled: string): boolean {
  const gaps = unfilledVariables(filled);
  if (gaps.length === 0) return draft === filled;
  let pattern = '';
  let at = 0;
  for (const gap of gaps) {
    pattern += `${escapeRegExp(filled.slice(at, gap.start))}(.+?)`;
    at = gap.end;
  }
  pattern += escapeRegExp(filled.slice(at));
  const match = new RegExp(`^${pattern}$`, 's').exec(draft);
  return match?.slice(1).every((typed) => typed.trim() !== '') === true;
}
