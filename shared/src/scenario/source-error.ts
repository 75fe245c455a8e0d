// One problem found in a scenario file, pointing at the offending key or value so an editor can mark it.

export interface SourceError {
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  col: number;
  /** Chinese, starting with the field path when there is one: `beats[2].ask 未知的商品事实 …`. */
  message: string;
}

/** The one-line form the CLI prints and editors' problem matchers read: `file:line:col message`. */
export function formatError(e: SourceError): string {
  return `${e.file}:${e.line}:${e.col} ${e.message}`;
}

/** Errors in reading order: by file, then position. */
export function compareErrors(a: SourceError, b: SourceError): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line || a.col - b.col || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0);
}
