// A page opened before the server was updated still names the old build's chunks, which are gone: opening
// the next screen (the workbench, a report, the staff pages) fails to load it and the page would go blank.
// Vite says so with `vite:preloadError`; the page then loads again and gets the new build. Not in a loop:
// a chunk still missing right after a reload is a real error and is left to show.
const RELOADED_AT = 'kefu.reloadedForNewBuild';
const AGAIN_AFTER_MS = 10_000;

export function reloadOnStaleBuild(win: Window, storage: Storage | undefined): void {
  win.addEventListener('vite:preloadError', (event) => {
    const now = Date.now();
    const last = Number(storage?.getItem(RELOADED_AT) ?? 0);
    if (now - last < AGAIN_AFTER_MS) return;
    event.preventDefault();
    try {
      storage?.setItem(RELOADED_AT, String(now));
    } catch {
      // private mode: reload anyway; without the mark a second failure reloads once more at most per load
    }
    win.location.reload();
  });
}
