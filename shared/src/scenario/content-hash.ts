// A stable fingerprint of a file's text, recorded with every report so a score names the scenario version it used.

const FNV_OFFSET = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;
const MASK = 0xffffffffffffffffn;

/** FNV-1a 64 over the UTF-8 bytes of `text`, as 16 hex characters. Encodes by hand to stay free of host APIs. */
export function contentHash(text: string): string {
  let hash = FNV_OFFSET;
  const mix = (byte: number) => {
    hash = ((hash ^ BigInt(byte)) * FNV_PRIME) & MASK;
  };
  for (const char of text) {
    const cp = char.codePointAt(0)!;
    if (cp < 0x80) mix(cp);
    else if (cp < 0x800) {
      mix(0xc0 | (cp >> 6));
      mix(0x80 | (cp & 0x3f));
    } else if (cp < 0x10000) {
      mix(0xe0 | (cp >> 12));
      mix(0x80 | ((cp >> 6) & 0x3f));
      mix(0x80 | (cp & 0x3f));
    } else {
      mix(0xf0 | (cp >> 18));
      mix(0x80 | ((cp >> 12) & 0x3f));
      mix(0x80 | ((cp >> 6) & 0x3f));
      mix(0x80 | (cp & 0x3f));
    }
  }
  return hash.toString(16).padStart(16, '0');
}
