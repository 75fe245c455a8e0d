// A class list file as a school's spreadsheet saves it: UTF-8 (with or without the BOM Excel writes for
// "CSV UTF-8") or, from Excel's plain "CSV" on a Chinese Windows, GBK. The server reads text, so the
// browser decodes the bytes first: UTF-8 when they are valid UTF-8, else GB18030 (a superset of GBK).

/** The file's text; a UTF-8 BOM is dropped (the decoder does it). */
export function decodeClassList(bytes: ArrayBuffer | Uint8Array): string {
  const data = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    // Not UTF-8: a GBK file's Chinese bytes are never valid UTF-8 sequences of the same length.
    return new TextDecoder('gb18030').decode(data);
  }
}

/** Reads a chosen file (File.arrayBuffer is missing in old browsers and in jsdom: FileReader then). */
export async function readClassListFile(file: Blob): Promise<string> {
  if (typeof file.arrayBuffer === 'function') return decodeClassList(await file.arrayBuffer());
  const buffer = await new Promise<ArrayBuffer>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(file);
  });
  return decodeClassList(buffer);
}
