/**
 * A face folder the user picked or dropped on the page, as the training workers receive it: the
 * File handles (structured-cloned, never read on the main thread, never uploaded) and the text of
 * its pairs.txt. Listing and pairs are recomputed from it in each worker with the same pure
 * functions the page used to describe it, so both agree.
 */
import type { ListedFile } from './listing';

export interface FolderSource {
  /** The picked folder's name. */
  root: string;
  /** FolderListing.key: names the source in the session and its decoded images in the cache. */
  key: string;
  files: Array<{ path: string; file: File }>;
  pairs: { path: string; text: string } | null;
}

export const listedFiles = (files: FolderSource['files']): ListedFile[] =>
  files.map(({ path, file }) => ({ path, bytes: file.size, modified: file.lastModified }));
