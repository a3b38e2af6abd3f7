/**
 * The runner's `--faces DIR [--pairs FILE]`: the folder is listed and read from disk, decoded
 * once with the pure-JS decoders and cached in `.cache/faces/` under the hash of its listing (so
 * every worker thread and every later run reads the same decoded pixels), then cut per seed by
 * core/faces/folderDataset.ts. pairs.txt inside DIR is used unless --pairs names another file.
 */
import { mkdir, readFile, readdir, rename, stat, writeFile } from 'node:fs/promises';
import { basename, join, relative, sep } from 'node:path';
import type { DataConfig } from '../core/config';
import type { FaceDataset } from '../core/data/types';
import { decodeImageBytes } from '../core/faces/decodeBytes';
import { folderDataset } from '../core/faces/folderDataset';
import type { FolderListing, ListedFile } from '../core/faces/listing';
import { readListing } from '../core/faces/listing';
import type { ParsedPairs } from '../core/faces/pairsFile';
import { parsePairsFile } from '../core/faces/pairsFile';
import { cropResize } from '../core/faces/pixels';
import type { FacePool } from '../core/faces/pool';
import { buildPool, deserializePool, poolCacheKey, serializePool } from '../core/faces/pool';
import { terminalSafe } from './terminalSafe';

export interface FacesSource {
  dir: string;
  /** --pairs FILE; null: DIR's own pairs.txt if it has one. */
  pairs: string | null;
}

export interface LoadedFaces {
  listing: FolderListing;
  pool: FacePool;
  pairs: ParsedPairs | null;
  /** Path of the pairs file used, or null. */
  pairsFile: string | null;
}

const MAX_FILES = 200_000;

/**
 * A listed file's size and time; a file that vanished or cannot be read in between (a folder that
 * changes while it is read, such as /proc) is named with the flag and the folder.
 */
async function statWhileListing(dir: string, full: string): Promise<{ size: number; mtimeMs: number }> {
  try {
    return await stat(full);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const what =
      code === 'ENOENT' ? 'vanished while the folder was listed' : 'could not be read while the folder was listed';
    throw new Error(
      `--faces ${dir}: ${full} ${what} (${e instanceof Error ? e.message : String(e)}); expected a folder of face images that stays put while it is read, in LFW layout, Person_Name/Person_Name_0001.jpg`,
    );
  }
}

/** Every file under `dir`, paths as `<dir's name>/<relative path>`, like a browser's folder pick. */
export async function listFolder(dir: string): Promise<{ files: ListedFile[]; absolute: Map<string, string> }> {
  let entries;
  try {
    if (!(await stat(dir)).isDirectory()) throw new Error('not a directory');
    entries = await readdir(dir, { recursive: true, withFileTypes: true });
  } catch (e) {
    throw new Error(
      `--faces: ${dir} cannot be read as a folder (${e instanceof Error ? e.message : String(e)}); expected a folder in LFW layout, Person_Name/Person_Name_0001.jpg`,
    );
  }
  const root = basename(dir);
  const files: ListedFile[] = [];
  const absolute = new Map<string, string>();
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    if (files.length >= MAX_FILES)
      throw new Error(`--faces: ${dir} holds more than ${MAX_FILES} files; point it at the face folder itself`);
    const full = join(entry.parentPath, entry.name);
    const info = await statWhileListing(dir, full);
    const path = `${root}/${relative(dir, full).split(sep).join('/')}`;
    files.push({ path, bytes: info.size, modified: Math.floor(info.mtimeMs) });
    absolute.set(path, full);
  }
  return { files, absolute };
}

/** Lists, decodes (or reads from the cache) and parses the pairs; throws naming what is wrong. */
export async function loadFaces(
  source: FacesSource,
  data: Pick<DataConfig, 'imageSize' | 'channels'>,
  cacheDir = '.cache/faces',
  onProgress?: (done: number, total: number) => void,
): Promise<LoadedFaces> {
  const { files, absolute } = await listFolder(source.dir);
  const listing = readListing(files);
  const path = join(cacheDir, `${poolCacheKey(listing.key, data.imageSize, data.channels).replace(/:/g, '_')}.bin`);
  let pool: FacePool | null = null;
  try {
    const bytes = await readFile(path);
    pool = deserializePool(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  } catch {
    pool = null;
  }
  if (pool === null) {
    pool = await buildPool(
      listing,
      data.imageSize,
      data.channels,
      async (p) => decodeImageBytes(new Uint8Array(await readFile(absolute.get(p) as string))),
      (d) => cropResize(d.rgba, d.width, d.height, data.imageSize, data.channels),
      onProgress,
    );
    await mkdir(cacheDir, { recursive: true });
    const tmp = `${path}.${process.pid}.tmp`;
    await writeFile(tmp, new Uint8Array(serializePool(pool)));
    await rename(tmp, path);
  }
  const pairsFile = source.pairs ?? (listing.pairsPath === null ? null : (absolute.get(listing.pairsPath) as string));
  let pairs: ParsedPairs | null = null;
  if (pairsFile !== null) {
    let text: string;
    try {
      text = await readFile(pairsFile, 'utf8');
    } catch (e) {
      throw new Error(`--pairs: ${pairsFile} cannot be read (${e instanceof Error ? e.message : String(e)})`);
    }
    pairs = parsePairsFile(basename(pairsFile), text, listing);
  }
  return { listing, pool, pairs, pairsFile };
}

/** One seed's dataset from the folder (decoded once, then from the cache). */
export async function folderDatasetNode(
  source: FacesSource,
  data: DataConfig,
  seed: number,
  cacheDir?: string,
): Promise<FaceDataset> {
  const { pool, pairs } = await loadFaces(source, data, cacheDir);
  return folderDataset(pool, pairs, data, seed).dataset;
}

/** What the runner prints about the folder before training: counts, then every problem, each one line (a newline in a file name is escaped). */
export function describeFaces(loaded: LoadedFaces): string {
  const { listing, pool, pairs, pairsFile } = loaded;
  const lines = [
    `faces: ${terminalSafe(listing.root)} — ${pool.names.length} identities, ${pool.paths.length} images at ${pool.size} px × ${pool.channels}${pairs ? `; ${pairs.pairs.length} pairs from ${terminalSafe(pairsFile ?? '')} (${pairs.format === 'lfw-10-fold' ? "LFW's 10 folds" : 'folds dealt round-robin'})` : '; no pairs.txt: pairs sampled over held-out identities'}`,
  ];
  for (const p of [...listing.skipped, ...pool.unreadable, ...(pairs?.problems ?? [])])
    lines.push(`  ${terminalSafe(p)}`);
  return lines.join('\n');
}
