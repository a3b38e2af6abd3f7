/**
 * The first few training identities of a (config, seed), each with its first few images: the very
 * pixels generateDataset gives them (identities and images derive their seeds by index, so a
 * prefix needs no full dataset). The page draws these before a comparison starts, so the faces of
 * the seed are in view before the first step. Needs initRasterizer() first.
 */
import type { DataConfig } from '../config';
import { validateData } from '../validate';
import { depthPerId } from './depth';
import { trainIdentities } from './identities';
import { renderIdentityImage } from './render-image';

export interface SampleFace {
  /** The identity's index among the training identities (its label). */
  id: number;
  /** [count, size, size, channels] in [0, 1]. */
  pixels: Float32Array;
  /** Images shown: min(the identity's depth, perId). */
  count: number;
  /** Images the identity has in the training set. */
  depth: number;
}

/** Limits on a request: enough for a strip of faces, small enough to render in ~0.1 s at 24 px. */
export const MAX_SAMPLE_IDS = 12;
export const MAX_SAMPLE_IMAGES = 8;

/** Identities 0..ids−1 of `seed` with their first min(depth, perId) images, in order. */
export function sampleFaces(config: DataConfig, seed: number, ids: number, perId: number): SampleFace[] {
  const issues = validateData(config);
  if (issues.length > 0) throw new Error(`sampleFaces: ${issues.map((i) => i.message).join(' ')}`);
  if (!Number.isInteger(ids) || ids < 1 || ids > MAX_SAMPLE_IDS)
    throw new Error(`sampleFaces: ids = ${ids} is not allowed: expected an integer from 1 to ${MAX_SAMPLE_IDS}.`);
  if (!Number.isInteger(perId) || perId < 1 || perId > MAX_SAMPLE_IMAGES)
    throw new Error(
      `sampleFaces: perId = ${perId} is not allowed: expected an integer from 1 to ${MAX_SAMPLE_IMAGES}.`,
    );
  const count = Math.min(ids, config.trainIds);
  const depths = depthPerId({ ...config, trainIds: count });
  const perImage = config.imageSize * config.imageSize * config.channels;
  return trainIdentities(seed, count).map((identity, id) => {
    const depth = depths[id] ?? 0;
    const shown = Math.min(depth, perId);
    const pixels = new Float32Array(shown * perImage);
    for (let k = 0; k < shown; k++) pixels.set(renderIdentityImage(identity, k, config), k * perImage);
    return { id, pixels, count: shown, depth };
  });
}
