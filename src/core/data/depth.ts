/**
 * Images per training identity for each data regime (docs/method.md §1): shallow = 2 each,
 * deep = `deepDepth` each, long-tail = a Zipf law over the ID's rank.
 */
import type { DataConfig, LongTailConfig } from '../config';

/** Images of the ID of 1-based rank r under the long-tail law: max(minDepth, round(maxDepth·r^−exponent)). */
export function zipfDepth(rank: number, longTail: LongTailConfig): number {
  return Math.max(longTail.minDepth, Math.round(longTail.maxDepth * rank ** -longTail.exponent));
}

/**
 * Depth of every training ID, [trainIds]. In the long tail, ID i has rank i + 1: ID 0 is the
 * deepest head ID and the last IDs form the tail.
 */
export function depthPerId(config: Pick<DataConfig, 'regime' | 'trainIds' | 'deepDepth' | 'longTail'>): Int32Array {
  const depths = new Int32Array(config.trainIds);
  for (let i = 0; i < config.trainIds; i++) {
    switch (config.regime) {
      case 'shallow':
        depths[i] = 2;
        break;
      case 'deep':
        depths[i] = config.deepDepth;
        break;
      case 'longtail':
        depths[i] = zipfDepth(i + 1, config.longTail);
        break;
    }
  }
  return depths;
}

/** Total number of training images, Σ depthPerId. */
export function totalTrainImages(depths: Int32Array): number {
  let total = 0;
  for (const d of depths) total += d;
  return total;
}
