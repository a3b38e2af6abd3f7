/**
 * One image of one identity, end to end: vary the face (variation.ts), draw the head SVG in its
 * pose, rasterize with its light and colour, then augment in image space.
 */
import type { DataConfig } from '../config';
import { createRng, deriveSeed } from '../rng';
import { augmentImage, drawAugmentParams } from './augment';
import { headSvg } from './face-svg';
import type { Identity } from './identities';
import { rasterizeFace } from './rasterize';
import { imageVariant } from './variation';

export type RenderConfig = Pick<DataConfig, 'imageSize' | 'channels' | 'variation' | 'augment'>;

/** Pixels [imageSize, imageSize, channels] in [0, 1] of image `imageIndex` of `identity`. */
export function renderIdentityImage(identity: Identity, imageIndex: number, config: RenderConfig): Float32Array {
  const variant = imageVariant(identity, imageIndex, config.variation);
  const svg = headSvg(variant.face, variant.pose);
  const pixels = rasterizeFace(svg, config.imageSize, config.channels, variant.shading);
  const augmentRng = createRng(deriveSeed(identity.seed, 'augment', imageIndex));
  const params = drawAugmentParams(config.augment, augmentRng);
  return augmentImage(pixels, config.imageSize, config.channels, params);
}
