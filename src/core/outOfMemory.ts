/**
 * An out-of-memory failure said as one: the wasm backend reports a heap it cannot grow as
 * Emscripten's bare "Aborted(). Build with -sASSERTIONS for more info.", which names neither the
 * memory nor the settings that need it. This recognises such messages and rewrites them with the
 * settings, a rough estimate of one training step's activations (model/memory.ts, a lower bound:
 * the convolutions' scratch, the optimizer and the allocator's slack come on top) and what fits.
 * Measured on the runner's wasm backend at 128 px × 1 on the base backbone (smoke otherwise): batch
 * 4 trains and evaluates, batch 16 runs out although the estimate says 1.0 GB, so the real peak is
 * 4–16× the estimate; what fits is therefore taken against 1/16 of the heap (batch 4 there).
 */
import type { ExperimentConfig } from './config';
import { downsampleFactor } from './model/architecture';
import { stepBytes } from './model/memory';

/** The wasm backend's heap cannot grow past 4 GiB − 64 KiB (tfjs-backend-wasm's getHeapMax). */
export const WASM_HEAP_BYTES = 4294901760;
const FITS_SHARE = 1 / 16;
const GB = 1e9;

/** Emscripten's abort on a failed heap growth, and the engines' own allocation failures. */
export function isOutOfMemory(message: string): boolean {
  return /Aborted\(\)|Cannot enlarge memory|out of memory|Array buffer allocation failed/i.test(message);
}

type Sizes = Pick<ExperimentConfig, 'batchSize'> & {
  data: Pick<ExperimentConfig['data'], 'imageSize' | 'channels'>;
  model: Pick<ExperimentConfig['model'], 'backbone'>;
};

/** Who reads the message: the runner's user sets fields with --set, the page's with the form. */
export type SettingsPlace = 'runner' | 'page';

/** The setting to lower, named as the reader changes it. */
const SETTING: Record<SettingsPlace, { batch: string; size: string; backbone: string; set: (path: string) => string }> =
  {
    runner: {
      batch: 'batchSize',
      size: 'data.imageSize',
      backbone: 'model.backbone',
      set: (path) => ` (--set ${path}=…)`,
    },
    page: { batch: 'Batch (IDs)', size: 'Image size (px)', backbone: 'Backbone', set: () => '' },
  };

/**
 * The failure in words when it is out of memory: the settings, the estimate and what to lower;
 * null when `message` is not an out-of-memory failure.
 */
export function outOfMemoryMessage(message: string, config: Sizes, place: SettingsPlace = 'runner'): string | null {
  if (!isOutOfMemory(message)) return null;
  const { imageSize, channels } = config.data;
  const { backbone } = config.model;
  const need = stepBytes(imageSize, channels, backbone, config.batchSize);
  const budget = WASM_HEAP_BYTES * FITS_SHARE;
  const batch = Math.max(1, Math.floor((budget / need) * config.batchSize));
  // Activations grow with the side squared; the side stays a multiple of the backbone's downsampling.
  const step = downsampleFactor(backbone);
  const side = Math.floor((imageSize * Math.sqrt(budget / need)) / step) * step;
  const name = SETTING[place];
  const fits: string[] = [];
  if (batch < config.batchSize)
    fits.push(`${name.batch} to ${batch} or less at ${imageSize} px${name.set('batchSize')}`);
  if (side >= step && side < imageSize)
    fits.push(`${name.size} to ${side} or less at batch ${config.batchSize}${name.set('data.imageSize')}`);
  if (backbone !== 'tiny') fits.push(`${name.backbone} to a smaller one`);
  return `out of memory (${message.trim()}): one training step of ${imageSize} px × ${channels} images on the ${backbone} backbone at batch ${config.batchSize} needs at least ~${(need / GB).toFixed(1)} GB of activations, and the wasm backend's memory stops at ${(WASM_HEAP_BYTES / GB).toFixed(1)} GB. Lower ${fits.length > 0 ? fits.join('; or ') : `${name.size} or ${name.batch}`}.`;
}
