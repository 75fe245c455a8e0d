// The conversation list's order, shared by the list and the keyboard actions: whoever has waited longest
// for a reply comes first; then the most recently active; ended conversations sink to the bottom. A buyer
// who has not walked in yet (a random mix's later arrivals) is not listed.
import type { ConversationEntry } from './entry.ts';

function rank(entry: ConversationEntry): number {
  if (entry.ended || entry.left) return 2;
  return entry.waitingSince === null ? 1 : 0;
}

export function sortConversationIds(
  ids: readonly string[],
  byId: Readonly<Record<string, ConversationEntry>>,
): string[] {
  const position = new Map(ids.map((id, index) => [id, index]));
  return ids
    .filter((id) => byId[id]?.arrived)
    .sort((a, b) => {
      const x = byId[a]!;
      const y = byId[b]!;
      const byRank = rank(x) - rank(y);
      if (byRank !== 0) return byRank;
      if (rank(x) === 0) {
        const byWait = (x.waitingSince ?? 0) - (y.waitingSince ?? 0);
        if (byWait !== 0) return byWait;
      } else if (x.lastActivityAt !== y.lastActivityAt) {
        return y.lastActivityAt - x.lastActivityAt;
      }
      return position.get(a)! - position.get(b)!;
    });
}
