// Saves a file the renderer made (an export) through the platform's download: a Blob behind an
// <a download>, so no file system access is needed here and the user chooses where it goes.
export function downloadFile(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
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
