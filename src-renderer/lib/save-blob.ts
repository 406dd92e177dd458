// Saves bytes the renderer holds (an export, a bundle, an opened attachment) through the platform's
// download: a Blob behind an <a download>, so no file system access is needed here and the user
// chooses where it goes. The shell lets through only blob: downloads of the app's own pages.
export function saveBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download reads the Blob after the click returns; free it once that has surely happened.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
