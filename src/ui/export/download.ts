/**
 * Saves a file made in this page: a blob URL clicked as a download link. Nothing leaves the browser.
 */
export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // The download has its own reference to the blob by then.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** "masst-smoke-seed-7-8-5-steps": a name that says what the comparison was. */
export function comparisonName(preset: string, seeds: readonly number[], steps: number): string {
  return `masst-${preset}-seed-${seeds.join('-')}-${steps}-steps`;
}
