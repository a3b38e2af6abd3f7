/**
 * A picked or dropped face folder in LFW layout (`Root/Person_Name/Person_Name_0001.jpg`) read
 * from its file list alone, before any image is decoded: which files are images of which
 * identity, where pairs.txt is, and what was skipped and why. Pure, so the page (File objects),
 * the worker and the runner (a directory walk) share it.
 */

/** One file of the folder: its path relative to the picked folder's parent, '/'-separated. */
import { hash64 } from '../data/cache';

export interface ListedFile {
  path: string;
  bytes: number;
  /** ms since the epoch; part of the cache key so an edited image is decoded again. */
  modified: number;
}

export interface ListedImage {
  path: string;
  /** The number LFW writes at the end of the name (Person_Name_0004.jpg → 4); null when absent. */
  number: number | null;
}

export interface ListedIdentity {
  name: string;
  /** Sorted by path. */
  images: ListedImage[];
}

export interface FolderListing {
  /** Name of the picked folder, for labels ("Your faces: lfw"). */
  root: string;
  /** Sorted by name. */
  identities: ListedIdentity[];
  imageCount: number;
  /** Path of pairs.txt beside the identity folders, if any. */
  pairsPath: string | null;
  /** One message per skipped file, naming it and why. */
  skipped: string[];
  /** Hash of every listed path, size and date: the cache key of the decoded images. */
  key: string;
}

const IMAGE = /\.(jpe?g|png)$/i;
/** Files that file managers add to folders; skipped without a message. */
const CLUTTER = /^(\..*|thumbs\.db|desktop\.ini)$/i;
const PAIRS = /^pairs(\.txt)?$/i;

/** The number at the end of an image's base name, as LFW numbers images; null when absent. */
export function imageNumber(path: string): number | null {
  const m = /_(\d+)\.[^./]+$/.exec(path);
  return m ? Number(m[1]) : null;
}

/**
 * Reads the layout. The identity of an image is the folder it lies in; images directly in the
 * picked folder have none and are skipped. Throws when nothing usable is left, naming the folder.
 */
export function readListing(files: readonly ListedFile[]): FolderListing {
  const paths = files.map((f) => f.path.replace(/\\/g, '/').replace(/^\/+/, ''));
  const root = commonRoot(paths);
  const byName = new Map<string, ListedImage[]>();
  const skipped: string[] = [];
  let pairsPath: string | null = null;
  paths.forEach((path, i) => {
    const parts = path.split('/');
    const base = parts[parts.length - 1] ?? '';
    const depth = parts.length - (root === '' ? 0 : 1);
    if (CLUTTER.test(base)) return;
    if (PAIRS.test(base) && depth <= 2) {
      if (pairsPath === null || depth < pairsPath.split('/').length - (root === '' ? 0 : 1)) pairsPath = path;
      return;
    }
    if (!IMAGE.test(base)) {
      skipped.push(`${path}: not a JPEG or PNG image (by its name); skipped`);
      return;
    }
    if (depth < 2) {
      skipped.push(
        `${path}: an image outside any identity folder (LFW layout is Person_Name/Person_Name_0001.jpg); skipped`,
      );
      return;
    }
    if ((files[i]?.bytes ?? 0) === 0) {
      skipped.push(`${path}: an empty file; skipped`);
      return;
    }
    const name = parts[parts.length - 2] as string;
    const list = byName.get(name) ?? [];
    list.push({ path, number: imageNumber(path) });
    byName.set(name, list);
  });
  const identities = [...byName.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, images]) => ({ name, images: images.sort((a, b) => (a.path < b.path ? -1 : 1)) }));
  const imageCount = identities.reduce((n, id) => n + id.images.length, 0);
  if (imageCount === 0) {
    const what = root === '' ? 'the dropped files' : `the folder "${root}"`;
    throw new Error(
      `Your faces: ${what} hold${root === '' ? '' : 's'} no JPEG or PNG image inside an identity folder (expected Person_Name/Person_Name_0001.jpg; ${files.length} file${files.length === 1 ? '' : 's'} seen).`,
    );
  }
  const lines = files.map((f, i) => `${paths[i]}\t${f.bytes}\t${f.modified}`).sort();
  return { root, identities, imageCount, pairsPath, skipped, key: hash64(lines.join('\n')) };
}

/** The first path segment when every path shares it (the picked folder), else ''. */
function commonRoot(paths: readonly string[]): string {
  const first = paths[0]?.split('/')[0] ?? '';
  if (first === '' || paths.some((p) => !p.startsWith(`${first}/`))) return '';
  return first;
}
