/**
 * Default data configuration, tuned so that identity is not readable from coarse pixel
 * statistics (see difficulty.test.ts for the baseline accuracies it gives) while the images of
 * one identity still share its face shape, eyes, nose, skin and, mostly, hair.
 */
import type { AugmentConfig, DataConfig, VariationConfig } from '../config';

export function defaultVariation(): VariationConfig {
  return {
    featureJitter: 0.15,
    glasses: 0.15,
    expression: 0.5,
    hair: 0.4,
    facialHair: 0.2,
    lighting: 0.6,
    pose: 1,
    color: 0.3,
  };
}

export function defaultAugment(): AugmentConfig {
  return { rotationDeg: 5, scale: 0.1, shiftPx: 3, brightness: 0.1, contrast: 0.2, blur: 0.15 };
}

export function defaultDataConfig(): DataConfig {
  return {
    regime: 'shallow',
    trainIds: 512,
    testIds: 100,
    testImagesPerId: 4,
    deepDepth: 8,
    longTail: { minDepth: 1, maxDepth: 32, exponent: 1 },
    imageSize: 32,
    channels: 1,
    variation: defaultVariation(),
    augment: defaultAugment(),
    pairs: 600,
    lookalikeFraction: 0.3,
  };
}
