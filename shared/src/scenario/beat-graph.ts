// Structural checks of a buyer's beats: ids, jump targets, beats that do nothing, beats no path reaches.
import type { Beat } from './schema.ts';
import { didYouMean } from './suggest.ts';
import type { Anchor, FieldPath } from './yaml-source.ts';

export type Report = (path: FieldPath, message: string, anchor?: Anchor) => void;

/**
 * Indices of the beats a beat can go to: its branches, and `then` or (unless it ends the chat) the next beat in
 * the list. By index, so a duplicated id does not hide the beats after it.
 */
export function successors(
  beats: readonly Beat[],
  index: number,
  indexOf: ReadonlyMap<string, number>,
): number[] {
  const beat = beats[index]!;
  const targets = Object.values(beat.on ?? {}).filter((t): t is string => t !== undefined);
  if (beat.then !== undefined) targets.push(beat.then);
  const out = targets.map((t) => indexOf.get(t)).filter((i): i is number => i !== undefined);
  if (beat.then === undefined && !beat.leave && !beat.end && index + 1 < beats.length) out.push(index + 1);
  return out;
}

/** Indices of the beats reachable from the first beat. */
export function reachableBeats(beats: readonly Beat[]): Set<number> {
  const indexOf = new Map<string, number>();
  beats.forEach((b, i) => {
    if (!indexOf.has(b.id)) indexOf.set(b.id, i);
  });
  const seen = new Set<number>();
  const queue = beats.length > 0 ? [0] : [];
  while (queue.length > 0) {
    const index = queue.pop()!;
    if (seen.has(index)) continue;
    seen.add(index);
    queue.push(...successors(beats, index, indexOf));
  }
  return seen;
}

/** What each beat must hold on its own; `beats` is index-aligned with the file (undefined: failed validation). */
export function checkBeatsOneByOne(beats: readonly (Beat | undefined)[], report: Report): void {
  beats.forEach((beat, i) => {
    if (beat === undefined) return;
    const at: FieldPath = ['beats', i];
    const hasLines = beat.say !== undefined || beat.messages !== undefined;
    const acts = beat.order !== undefined || beat.pay || beat.leave || beat.end;
    if (!hasLines && !acts && beat.await === undefined) {
      report(
        at,
        '这一步什么也不做：写 say 或 messages、order / pay / leave / end，或 await（如 follow-up 表示沉默）',
      );
    }
    if (beat.say !== undefined && beat.messages !== undefined) {
      report([...at, 'messages'], 'say 和 messages 只能写一个（多条消息都放进 messages）', 'key');
    }
    for (const field of ['ask', 'objection', 'simple'] as const) {
      if (beat[field] !== undefined && beat.say === undefined) {
        report([...at, field], `${field} 要和本步的 say 一起写；用 messages 时写在每条消息里`, 'key');
      }
    }
  });
}

/** Every check of the beats: one by one, then ids, jump targets and reachability. */
export function checkBeats(beats: readonly Beat[], report: Report): void {
  checkBeatsOneByOne(beats, report);
  const firstIndex = new Map<string, number>();
  beats.forEach((beat, i) => {
    const earlier = firstIndex.get(beat.id);
    if (earlier !== undefined)
      report(['beats', i, 'id'], `重复的步骤 id "${beat.id}"（beats[${earlier}] 已用过）`);
    else firstIndex.set(beat.id, i);
  });

  const ids = [...firstIndex.keys()];
  beats.forEach((beat, i) => {
    const target = (path: FieldPath, id: string) => {
      if (!firstIndex.has(id)) report(path, `跳转到不存在的步骤 "${id}"${didYouMean(id, ids)}`);
    };
    if (beat.then !== undefined) target(['beats', i, 'then'], beat.then);
    for (const [branch, id] of Object.entries(beat.on ?? {})) {
      if (id !== undefined) target(['beats', i, 'on', branch], id);
    }
  });

  const reachable = reachableBeats(beats);
  beats.forEach((beat, i) => {
    if (!reachable.has(i)) {
      report(
        ['beats', i],
        `步骤 "${beat.id}" 走不到：从第一步出发，顺序、then、on 都不会到这里（上一步有 leave/end 就不会往下走）`,
      );
    }
  });
}
