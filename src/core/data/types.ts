/**
 * The data the trainers and the evaluation consume: plain typed arrays, no tensors, so a dataset
 * can be generated in a worker, cached, transferred and uploaded once.
 */

/** A set of square images with one identity label each. */
export interface ImageSet {
  /** Row-major pixels in [0, 1], shape [count, size, size, channels]. */
  pixels: Float32Array;
  count: number;
  size: number;
  channels: 1 | 3;
  /** Identity index of each image, [count]; 0-based within its split. */
  labels: Int32Array;
}

/** Verification pairs over the images of the test split. */
export interface VerificationPairs {
  /** Index of the first image of each pair in the test ImageSet, [pairs]. */
  a: Int32Array;
  /** Index of the second image, [pairs]. */
  b: Int32Array;
  /** 1 for a same-identity pair, 0 otherwise, [pairs]. */
  same: Uint8Array;
  /** 1 for a negative pair of an identity and its generated relative (a look-alike), [pairs]. */
  lookalike: Uint8Array;
  /** Fold of each pair in 0..9; folds are balanced in positives and negatives, [pairs]. */
  fold: Uint8Array;
}

export interface FaceDataset {
  train: ImageSet;
  /** Number of training identities; train labels lie in [0, trainIds). */
  trainIds: number;
  /** Images of each training identity, [trainIds]. */
  depthPerId: Int32Array;
  test: ImageSet;
  testIds: number;
  pairs: VerificationPairs;
}
