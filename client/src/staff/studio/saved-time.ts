// When a draft was saved, as a person reads it: the server names a version by its content hash, which
// means nothing to an instructor, so the save message shows the clock time instead (e.g. 14:05:09).
export function savedTime(language: string, at: Date = new Date()): string {
  return at.toLocaleTimeString(language, {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  });
}
