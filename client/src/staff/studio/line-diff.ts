// What differs between two texts, line by line (the published version and the draft): the lines only one
// of them has, in order, from a longest common subsequence. Scenario files are a few hundred lines.

export interface DiffLine {
  /** '-': only in the first text (the published version); '+': only in the second (the draft). */
  op: '-' | '+';
  /** 1-based line number in the text it comes from. */
  line: number;
  text: string;
}

export function lineDiff(before: string, after: string): DiffLine[] {
  const a = before.split('\n');
  const b = after.split('\n');
  // lcs[i][j]: length of the longest common subsequence of a[i..] and b[j..].
  const lcs = Array.from({ length: a.length + 1 }, () => new Uint16Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      i++;
      j++;
    } else if (j < b.length && (i === a.length || lcs[i]![j + 1]! > lcs[i + 1]![j]!)) {
      out.push({ op: '+', line: j + 1, text: b[j]! });
      j++;
    } else {
      out.push({ op: '-', line: i + 1, text: a[i]! });
      i++;
    }
  }
  return out;
}
