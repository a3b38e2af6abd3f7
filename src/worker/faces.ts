/**
 * The faces of one seed in a worker: cut from the user's folder ("Your faces", ownFaces.ts), or
 * synthetic ones from the IndexedDB cache, or generated (progress posted about every 100 ms) and
 * then cached. The summary for the dataset view is posted only for the seed the page shows.
 */
import type { DataConfig } from '../core/config';
import { generateDatasetWithStats } from '../core/data/dataset';
import { initRasterizer, isRasterizerReady } from '../core/data/rasterize';
import type { FaceDataset } from '../core/data/types';
import type { FolderSource } from '../core/faces/source';
import resvgWasmUrl from '@resvg/resvg-wasm/index_bg.wasm?url';
import { loadCachedDataset, storeDataset } from '../storage/datasetStore';
import { summarizeDataset, summaryTransfer } from './datasetSummary';
import { folderFaces } from './ownFaces';
import type { Post } from './protocol';

const PROGRESS_MS = 100;

/** `signal` (Reset, New seed) stops a generation within ~50 ms; nothing half-made is cached. */
export async function makeFaces(
  data: DataConfig,
  seed: number,
  shown: boolean,
  sessionId: number,
  post: Post,
  signal?: AbortSignal,
  folder: FolderSource | null = null,
): Promise<FaceDataset> {
  if (folder !== null) {
    const { dataset, pool, pairsFormat } = await folderFaces(
      folder,
      data,
      seed,
      (done, total) => post({ type: 'progress', sessionId, phase: 'decode', done, total }),
      signal,
    );
    if (shown) {
      const summary = summarizeDataset(dataset, null, {
        root: pool.root,
        identities: pool.names.length,
        images: pool.paths.length,
        pairsFormat,
        unreadable: pool.unreadable,
      });
      post({ type: 'dataset', sessionId, summary }, summaryTransfer(summary));
    }
    return dataset;
  }
  const cached = await loadCachedDataset(data, seed);
  if (cached) {
    if (shown) {
      const summary = summarizeDataset(cached, null);
      post({ type: 'dataset', sessionId, summary }, summaryTransfer(summary));
    }
    return cached;
  }
  if (!isRasterizerReady()) await initRasterizer(fetch(resvgWasmUrl));
  let last = 0;
  const { dataset, imagesPerSecond } = await generateDatasetWithStats(
    data,
    seed,
    (done, total) => {
      const now = performance.now();
      if (now - last < PROGRESS_MS && done < total) return;
      last = now;
      post({ type: 'progress', sessionId, phase: 'data', done, total });
    },
    signal,
  );
  await storeDataset(data, seed, dataset);
  if (shown) {
    const summary = summarizeDataset(dataset, imagesPerSecond);
    post({ type: 'dataset', sessionId, summary }, summaryTransfer(summary));
  }
  return dataset;
}
