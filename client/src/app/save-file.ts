// Saves text made in the browser as a file the person downloads (a scenario's YAML, a password sheet).
export function saveTextFile(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  // Not at once: the download must have started reading the blob.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
