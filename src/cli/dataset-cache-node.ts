/**
 * Node-only disk cache of generated datasets: `<dir>/<datasetCacheKey>.bin`. A miss generates
 * the dataset (initialising the rasterizer from node_modules) and writes it atomically.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DataConfig } from '../core/config';
import { datasetCacheKey, deserializeDataset, serializeDataset } from '../core/data/cache';
import { generateDataset } from '../core/data/dataset';
import type { ProgressFn } from '../core/data/dataset';
import { initRasterizer } from '../core/data/rasterize';
import type { FaceDataset } from '../core/data/types';
import { loadResvgWasmNode } from './rasterizer-node';

async function readCached(path: string): Promise<FaceDataset | null> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch {
    return null;
  }
  try {
    const buf = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    return deserializeDataset(buf as ArrayBuffer);
  } catch {
    // A stale or truncated entry is regenerated and overwritten.
    return null;
  }
}

/** The dataset of (config, seed) from `dir`, generating and storing it on a miss. */
export async function loadOrGenerateDataset(
  config: DataConfig,
  seed: number,
  dir = '.cache/datasets',
  onProgress?: ProgressFn,
): Promise<FaceDataset> {
  const path = join(dir, `${datasetCacheKey(config, seed)}.bin`);
  const cached = await readCached(path);
  if (cached !== null) return cached;
  await initRasterizer(await loadResvgWasmNode());
  const dataset = await generateDataset(config, seed, onProgress);
  await mkdir(dir, { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, new Uint8Array(serializeDataset(dataset)));
  await rename(tmp, path);
  return dataset;
}
