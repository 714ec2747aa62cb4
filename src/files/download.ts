/**
 * Saves text as a file through the browser's download, without a server: a Blob, an object URL
 * and a temporary link. The URL is revoked after the click so the text is not kept in memory.
 */
export function downloadText(text: string, fileName: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
}

/** The address to share: this page without its query or old fragment, then the new fragment. */
export function shareUrl(location: { origin: string; pathname: string }, fragment: string): string {
  return `${location.origin}${location.pathname}${fragment}`;
}
