// Which violation of a report a stored appeal is about. An appeal names its violation by key (violationKey:
// rule|moment|message|subject, #n for a repeat); a later re-score of the same log can name the same mistake
// differently, and a decided appeal must follow it rather than be orphaned (an overturned penalty coming back,
// an upheld one appealable again):
// - a rule split in two re-classifies a departure: a buyer-left of a log stored before the split is now a
//   buyer-gave-up pointing at the last reply, and a buyer-gave-up keyed before it pointed at a reply gained
//   that message id. One buyer leaves once at a moment, so a departure is named by its moment alone.
// - a rubric window moves the moment a no-payment-reminder is judged at (the window's end): one per order, so
//   it is named by its order.
// Every other rule's key depends only on the log and the scenario version a conversation keeps, so its key is
// its anchor.

/** The key without its repeat mark and the repeat number (1 without a mark). */
function split(key: string): { base: string; n: string } {
  const mark = /#(\d+)$/.exec(key);
  return mark ? { base: key.slice(0, mark.index), n: mark[1]! } : { base: key, n: '1' };
}

/** What a violation is about, as far as a re-score can move it (see above). */
export function appealAnchor(key: string): string {
  const { base, n } = split(key);
  const [rule = '', at = '', ...rest] = base.split('|');
  if (rule === 'buyer-left' || rule === 'buyer-gave-up') return `departure|${at}#${n}`;
  // The message and the order (no message: `||o1`), whatever the window's end.
  if (rule === 'no-payment-reminder') return `${rule}|${rest.join('|')}#${n}`;
  return key;
}

/**
 * For each stored key, the key of the report's violation it is about (absent: the report has none). A key the
 * report has is its own; the others follow their anchor to a violation no other stored key names.
 */
export function followAppealKeys(stored: readonly string[], current: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  const have = new Set(current);
  for (const key of stored) if (have.has(key)) out.set(key, key);
  const taken = new Set(out.values());
  const byAnchor = new Map<string, string>();
  for (const key of current) {
    const anchor = appealAnchor(key);
    if (!taken.has(key) && !byAnchor.has(anchor)) byAnchor.set(anchor, key);
  }
  for (const key of stored) {
    if (out.has(key)) continue;
    const anchor = appealAnchor(key);
    const found = byAnchor.get(anchor);
    if (found === undefined) continue;
    out.set(key, found);
    byAnchor.delete(anchor);
  }
  return out;
}
