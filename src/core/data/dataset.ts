/**
 * The whole synthetic dataset of a (config, seed): training images at the regime's depths,
 * held-out images of disjoint identities (with relatives as look-alikes) and verification
 * pairs. Async only to yield to the event loop for progress; the result depends on nothing but
 * (config, seed).
 */
import type { DataConfig } from '../config';
import { validateData } from '../validate';
import { depthPerId } from './depth';
import { testIdentities, trainIdentities } from './identities';
import type { Identity } from './identities';
import { samplePairs } from './pairs';
import { isRasterizerReady } from './rasterize';
import { renderIdentityImage } from './render-image';
import type { FaceDataset, ImageSet } from './types';

export type ProgressFn = (done: number, total: number) => void;

export interface DatasetWithStats {
  dataset: FaceDataset;
  /** Rendering throughput over the whole generation, images per second of wall time. */
  imagesPerSecond: number;
}

/** Images between two progress reports (and yields to the event loop). */
const PROGRESS_EVERY = 50;

/** With a signal, the longest stretch of rendering without a cancellation point, ms. */
const CANCEL_EVERY_MS = 50;

interface Progress {
  done: number;
  total: number;
  report: ProgressFn | undefined;
  signal: AbortSignal | undefined;
  lastYield: number;
}

async function tick(progress: Progress): Promise<void> {
  progress.done++;
  progress.signal?.throwIfAborted();
  const report = progress.done % PROGRESS_EVERY === 0 || progress.done === progress.total;
  if (report) progress.report?.(progress.done, progress.total);
  const now = performance.now();
  if (report || (progress.signal && now - progress.lastYield >= CANCEL_EVERY_MS)) {
    progress.lastYield = now;
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
    progress.signal?.throwIfAborted();
  }
}

/** Renders `depths[i]` images of identity i, in identity order; labels are identity indices. */
async function renderSplit(
  identities: readonly Identity[],
  depths: ArrayLike<number>,
  config: DataConfig,
  progress: Progress,
): Promise<ImageSet> {
  const { imageSize: size, channels } = config;
  const perImage = size * size * channels;
  let count = 0;
  for (let i = 0; i < identities.length; i++) count += depths[i] ?? 0;
  const set: ImageSet = {
    pixels: new Float32Array(count * perImage),
    count,
    size,
    channels,
    labels: new Int32Array(count),
  };
  let at = 0;
  for (const [label, identity] of identities.entries()) {
    for (let k = 0; k < (depths[label] ?? 0); k++) {
      set.pixels.set(renderIdentityImage(identity, k, config), at * perImage);
      set.labels[at] = label;
      at++;
      await tick(progress);
    }
  }
  return set;
}

/** Like generateDataset, also returning the measured images per second. */
export async function generateDatasetWithStats(
  config: DataConfig,
  seed: number,
  onProgress?: ProgressFn,
  signal?: AbortSignal,
): Promise<DatasetWithStats> {
  const issues = validateData(config);
  if (issues.length > 0) throw new Error(`generateDataset: ${issues.map((i) => i.message).join(' ')}`);
  if (!isRasterizerReady()) {
    throw new Error('generateDataset: the rasterizer is not ready; await initRasterizer(wasm) first');
  }
  const started = performance.now();
  const depths = depthPerId(config);
  const trainSet = trainIdentities(seed, config.trainIds);
  const testSet = testIdentities(seed, config.testIds, config.lookalikeFraction > 0);
  const testDepths = new Int32Array(config.testIds).fill(config.testImagesPerId);
  let total = config.testIds * config.testImagesPerId;
  for (const d of depths) total += d;
  const progress: Progress = { done: 0, total, report: onProgress, signal, lastYield: performance.now() };
  const train = await renderSplit(trainSet, depths, config, progress);
  const test = await renderSplit(testSet, testDepths, config, progress);
  const relatives = Int32Array.from(testSet, (identity) => identity.relative);
  const pairs = samplePairs(test.labels, relatives, config, seed);
  const seconds = (performance.now() - started) / 1000;
  const dataset: FaceDataset = {
    train,
    trainIds: config.trainIds,
    depthPerId: depths,
    test,
    testIds: config.testIds,
    pairs,
  };
  return { dataset, imagesPerSecond: total / Math.max(seconds, 1e-9) };
}

/**
 * Generates the dataset of (config, seed): same inputs → same pixels bit for bit. Train and
 * test identities are disjoint (different seed ranges); the test split, its pairs included,
 * does not depend on trainIds, the regime or the depths. Needs initRasterizer() first.
 */
export async function generateDataset(
  config: DataConfig,
  seed: number,
  onProgress?: ProgressFn,
  signal?: AbortSignal,
): Promise<FaceDataset> {
  return (await generateDatasetWithStats(config, seed, onProgress, signal)).dataset;
}
