// The one-time passwords of an imported class list as a sheet to print on A4 and cut into slips, one per
// student (name, username, password, where to log in). The same entries are printed from the page and
// saved as a standalone HTML file, so a teacher who closes the page before printing still has them.
import type { ImportedStudent } from '@kefu/shared/protocol';

export interface SheetEntry {
  name: string;
  username: string;
  password: string;
}

/** The words of the sheet in the UI language. */
export interface SheetWords {
  title: string;
  name: string;
  username: string;
  password: string;
  loginAt: string;
  note: string;
}

/** Students who got a new account, in the list's order (an existing account keeps its own password). */
export function sheetEntries(students: readonly ImportedStudent[]): SheetEntry[] {
  return students.flatMap((s) =>
    s.password === null
      ? []
      : [{ name: s.user.displayName, username: s.user.username, password: s.password }],
  );
}

const entities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const htmlText = (text: string) => text.replace(/[&<>"']/g, (c) => entities[c]!);

/** A file name for the sheet: the class's name without characters file systems refuse. */
export function sheetFileName(className: string, suffix: string): string {
  return `${className.replace(/[\\/:*?"<>|]/g, '_')}-${suffix}.html`;
}

/** A standalone HTML document: A4, two slips per row, dashed cut lines, nothing loaded from elsewhere. */
export function passwordSheetHtml(
  sheet: { className: string; loginUrl: string; entries: readonly SheetEntry[] },
  words: SheetWords,
  lang: string,
): string {
  const slips = sheet.entries
    .map(
      (e) => `<div class="slip">
<div class="who">${htmlText(e.name)}</div>
<div><span>${htmlText(words.username)}</span><code>${htmlText(e.username)}</code></div>
<div><span>${htmlText(words.password)}</span><code>${htmlText(e.password)}</code></div>
<div class="small">${htmlText(words.loginAt)} ${htmlText(sheet.loginUrl)}</div>
<div class="small">${htmlText(words.note)}</div>
</div>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="${htmlText(lang)}">
<head>
<meta charset="utf-8">
<title>${htmlText(sheet.className)} · ${htmlText(words.title)}</title>
<style>
@page { size: A4; margin: 12mm; }
body { font-family: "Microsoft YaHei", "PingFang SC", "WenQuanYi Micro Hei", sans-serif; margin: 0; color: #000; }
h1 { font-size: 16px; margin: 0 0 8px; }
.slips { display: grid; grid-template-columns: 1fr 1fr; }
.slip { border: 1px dashed #666; padding: 8px 10px; break-inside: avoid; font-size: 13px; line-height: 1.7; }
.who { font-size: 15px; font-weight: bold; }
span { display: inline-block; min-width: 5em; color: #444; }
code { font-family: Consolas, "Courier New", monospace; font-size: 15px; letter-spacing: 0.05em; }
.small { font-size: 11px; color: #444; }
</style>
</head>
<body>
<h1>${htmlText(sheet.className)} · ${htmlText(words.title)}</h1>
<div class="slips">
${slips}
</div>
</body>
</html>
`;
}
