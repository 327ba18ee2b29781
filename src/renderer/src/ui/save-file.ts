// Saving what the register hands over (a CSV report, a kept PDF or XML) from the page: a Blob behind a temporary
// link with a file name, which the browser saves as a download (the desktop window and the web host alike).

/** The bytes of a base64 string (what documents:openFile returns to a browser) as a Blob of that type. */
export function base64ToBlob(base64: string, mimeType: string): Blob {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type: mimeType });
}

export function saveBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later rather than at once: some browsers read the URL after click() returns.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** A CSV the core rendered, saved as UTF-8 (with a BOM so spreadsheet programs read the accents right). */
export function saveCsv(fileName: string, csv: string): void {
  const bom = csv.startsWith('\uFEFF') ? '' : '\uFEFF';
  saveBlob(fileName, new Blob([bom + csv], { type: 'text/csv;charset=utf-8' }));
}
