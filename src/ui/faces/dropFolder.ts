/**
 * The files of a folder dropped on the page, with their paths ("lfw/Name/Name_0001.jpg"), walked
 * through the File and Directory Entries API; plain dropped files keep their own names.
 */

const BATCH_LIMIT = 10_000;

function readBatch(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  return new Promise((resolve, reject) => reader.readEntries(resolve, reject));
}

async function walk(entry: FileSystemEntry, out: Array<{ path: string; file: File }>): Promise<void> {
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
    out.push({ path: entry.fullPath.replace(/^\/+/, ''), file });
    return;
  }
  if (!entry.isDirectory) return;
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  // readEntries hands out at most ~100 entries per call; it is called until it returns none.
  for (let i = 0; i < BATCH_LIMIT; i++) {
    const batch = await readBatch(reader);
    if (batch.length === 0) return;
    for (const child of batch) await walk(child, out);
  }
}

export async function droppedFiles(transfer: DataTransfer): Promise<Array<{ path: string; file: File }>> {
  const entries = [...transfer.items]
    .map((item) => item.webkitGetAsEntry())
    .filter((e): e is FileSystemEntry => e !== null);
  const out: Array<{ path: string; file: File }> = [];
  if (entries.length === 0) {
    for (const file of transfer.files) out.push({ path: file.name, file });
    return out;
  }
  for (const entry of entries) await walk(entry, out);
  return out;
}

/** Files of an `<input webkitdirectory>`: their webkitRelativePath starts with the picked folder. */
export function pickedFiles(list: FileList): Array<{ path: string; file: File }> {
  return [...list].map((file) => ({ path: file.webkitRelativePath || file.name, file }));
}
