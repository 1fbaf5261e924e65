/**
 * Save a Blob as a file through a temporary link (every export: CSV, journey JSON, workspace
 * files). The object URL lives a minute so the browser can start even a large download.
 */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
