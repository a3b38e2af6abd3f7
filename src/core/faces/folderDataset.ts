/**
 * One seed's dataset cut from a decoded face folder, the way the synthetic one is laid out
 * (core/data/types.ts): held-out identities for verification and training identities at the
 * regime's depths.
 * - With pairs.txt every identity it names is held out, its pairs and folds are used as given, and
 *   the training identities are drawn from the others; without it, data.testIds identities with
 *   ≥ 2 images are held out by the seed and data.pairs pairs are sampled over them (no look-alikes:
 *   a real folder has no known relatives).
 * - Training identities need ≥ 2 images (a probe and a gallery view); the seed orders them, the
 *   long tail then ranks them by how many images they have, so its head is the deepest identities.
 *   Shallow keeps 2 images each, deep up to data.deepDepth, long-tail min(images, Zipf depth).
 */
import type { DataConfig } from '../config';
import { zipfDepth } from '../data/depth';
import { samplePairs } from '../data/pairs';
import type { FaceDataset, ImageSet, VerificationPairs } from '../data/types';
import { createRng, deriveSeed } from '../rng';
import type { ParsedPairs } from './pairsFile';
import type { FacePool } from './pool';

export type SplitConfig = Pick<
  DataConfig,
  'regime' | 'trainIds' | 'testIds' | 'testImagesPerId' | 'deepDepth' | 'longTail' | 'pairs'
>;

/** Fewest images a training identity needs in this regime. */
export function minTrainImages(data: Pick<DataConfig, 'regime' | 'longTail'>): number {
  return data.regime === 'longtail' ? Math.max(2, data.longTail.minDepth) : 2;
}

/** How many training and held-out identities a folder offers: the largest valid data.trainIds / data.testIds. */
export function folderCapacity(
  imagesPerId: readonly number[],
  heldOut: ReadonlySet<number> | null,
  data: Pick<DataConfig, 'regime' | 'longTail' | 'testIds'>,
): { trainIds: number; testIds: number } {
  const need = minTrainImages(data);
  const testable = imagesPerId.filter((n) => n >= 2).length;
  const testIds = heldOut ? heldOut.size : testable;
  let trainable = imagesPerId.filter((n, id) => n >= need && !(heldOut?.has(id) ?? false)).length;
  // Without pairs.txt the held-out identities come out of the same ≥ 2-image identities.
  if (!heldOut) trainable = Math.max(0, trainable - Math.min(data.testIds, testable));
  return { trainIds: trainable, testIds };
}

function byIdentity(ids: Int32Array, count: number): number[][] {
  const groups: number[][] = Array.from({ length: count }, () => []);
  ids.forEach((id, image) => groups[id]?.push(image));
  return groups;
}

function imageSet(pool: FacePool, images: readonly number[], labels: readonly number[]): ImageSet {
  const per = pool.size * pool.size * pool.channels;
  const pixels = new Float32Array(images.length * per);
  images.forEach((image, k) => {
    const src = pool.pixels.subarray(image * per, (image + 1) * per);
    for (let i = 0; i < per; i++) pixels[k * per + i] = (src[i] as number) / 255;
  });
  return { pixels, count: images.length, size: pool.size, channels: pool.channels, labels: Int32Array.from(labels) };
}

interface Held {
  test: ImageSet;
  testIds: number;
  pairs: VerificationPairs;
  heldOut: Set<number>;
  notes: string[];
}

function heldOutFromPairs(pool: FacePool, parsed: ParsedPairs, where: string): Held {
  const indexOf = new Map(pool.paths.map((p, i) => [p, i]));
  const notes: string[] = [];
  const kept = parsed.pairs.filter((p) => indexOf.has(p.a) && indexOf.has(p.b));
  if (kept.length < parsed.pairs.length)
    notes.push(
      `${parsed.pairs.length - kept.length} pair${parsed.pairs.length - kept.length === 1 ? '' : 's'} of pairs.txt left out: an image of each could not be read`,
    );
  const images = [...new Set(kept.flatMap((p) => [indexOf.get(p.a) as number, indexOf.get(p.b) as number]))].sort(
    (a, b) => a - b,
  );
  // Every image of an identity named in pairs.txt stays out of training, named there or not.
  const heldOut = new Set(images.map((i) => pool.ids[i] as number));
  const order = [...heldOut].sort((a, b) => a - b);
  const label = new Map(order.map((id, k) => [id, k]));
  const at = new Map(images.map((image, k) => [image, k]));
  const test = imageSet(
    pool,
    images,
    images.map((i) => label.get(pool.ids[i] as number) as number),
  );
  const n = kept.length;
  const pairs: VerificationPairs = {
    a: Int32Array.from(kept, (p) => at.get(indexOf.get(p.a) as number) as number),
    b: Int32Array.from(kept, (p) => at.get(indexOf.get(p.b) as number) as number),
    same: Uint8Array.from(kept, (p) => (p.same ? 1 : 0)),
    lookalike: new Uint8Array(n),
    fold: Uint8Array.from(kept, (p) => p.fold),
  };
  for (let f = 0; f < 10; f++) {
    const inFold = kept.filter((p) => p.fold === f);
    if (!inFold.some((p) => p.same) || !inFold.some((p) => !p.same)) {
      throw new Error(
        `${where}: fold ${f + 1} of pairs.txt has no ${inFold.some((p) => p.same) ? 'different-person' : 'same-person'} pair left; 10-fold verification needs both kinds in every fold.`,
      );
    }
  }
  return { test, testIds: order.length, pairs, heldOut, notes };
}

function heldOutBySeed(pool: FacePool, groups: number[][], data: SplitConfig, seed: number, where: string): Held {
  const rng = createRng(deriveSeed(seed, 'folder-test'));
  const candidates = groups.map((g, id) => (g.length >= 2 ? id : -1)).filter((id) => id >= 0);
  if (candidates.length < 2) {
    throw new Error(
      `${where} has ${candidates.length === 0 ? 'no identity' : 'only 1 identity'} with at least 2 readable images, and verification without a pairs.txt holds out at least 2 such identities (data.testIds ≥ 2): add images, or a pairs.txt naming its pairs.`,
    );
  }
  if (candidates.length < data.testIds) {
    throw new Error(
      `data.testIds is ${data.testIds} but ${where} has only ${candidates.length} identities with at least 2 readable images to hold out; allowed: 2 to ${candidates.length} (or add a pairs.txt).`,
    );
  }
  rng.shuffle(candidates);
  const chosen = candidates.slice(0, data.testIds);
  const images: number[] = [];
  const labels: number[] = [];
  chosen.forEach((id, label) => {
    const own = [...(groups[id] as number[])];
    rng.shuffle(own);
    for (const image of own.slice(0, data.testImagesPerId)) {
      images.push(image);
      labels.push(label);
    }
  });
  const test = imageSet(pool, images, labels);
  const pairs = samplePairs(
    test.labels,
    new Int32Array(chosen.length).fill(-1),
    { pairs: data.pairs, lookalikeFraction: 0 },
    seed,
  );
  return { test, testIds: chosen.length, pairs, heldOut: new Set(chosen), notes: [] };
}

/** "no image of the folder could be used": why, with the first file that failed. */
function noUsableImage(where: string, pool: FacePool): string {
  const n = pool.unreadable.length;
  if (n === 0)
    return `${where} has no image to use: it holds no JPEG or PNG image inside an identity folder (expected Person_Name/Person_Name_0001.jpg).`;
  return `${where} has no image that could be used: none of its ${n} image file${n === 1 ? '' : 's'} could be decoded (first: ${pool.unreadable[0] as string}).`;
}

/**
 * Fewer than 2 identities left to train on, said by its cause: pairs.txt holding out (all) the
 * identities, or held-out identities taking the last ones, rather than "allowed: 2 to 0".
 */
export function noneToTrain(
  where: string,
  imagesPerId: readonly number[],
  heldOut: ReadonlySet<number>,
  left: number,
  need: number,
  fromPairs: boolean,
): string {
  const withImages = imagesPerId.filter((n) => n > 0).length;
  const leaving = left === 0 ? 'none' : `only ${left} identity`;
  const needs = `training needs at least 2 identities with ${need} or more readable images`;
  if (fromPairs) {
    const what =
      heldOut.size >= withImages ? `all ${withImages} identities` : `${heldOut.size} of the ${withImages} identities`;
    return `pairs.txt holds out ${what} of ${where} (every identity it names stays out of training), leaving ${leaving} to train on; ${needs} that pairs.txt does not name: add such identities to the folder, or name fewer people in pairs.txt.`;
  }
  return `${where} has ${heldOut.size} held-out identities (data.testIds), leaving ${leaving} with ${need} or more readable images to train on; ${needs}: lower data.testIds or add identities.`;
}

/** Throws, naming the config field, the value and what the folder allows, when it is too small. */
export function folderDataset(
  pool: FacePool,
  parsed: ParsedPairs | null,
  data: SplitConfig,
  seed: number,
): { dataset: FaceDataset; notes: string[] } {
  const where = `the folder "${pool.root || 'Your faces'}"`;
  if (pool.paths.length === 0) throw new Error(noUsableImage(where, pool));
  const groups = byIdentity(pool.ids, pool.names.length);
  const held = parsed ? heldOutFromPairs(pool, parsed, where) : heldOutBySeed(pool, groups, data, seed, where);
  const need = minTrainImages(data);
  const rng = createRng(deriveSeed(seed, 'folder-train'));
  let candidates = groups.map((g, id) => (g.length >= need && !held.heldOut.has(id) ? id : -1)).filter((id) => id >= 0);
  if (candidates.length < 2)
    throw new Error(
      noneToTrain(
        where,
        groups.map((g) => g.length),
        held.heldOut,
        candidates.length,
        need,
        parsed !== null,
      ),
    );
  if (candidates.length < data.trainIds) {
    throw new Error(
      `data.trainIds is ${data.trainIds} but ${where} has only ${candidates.length} identities with at least ${need} readable images outside the held-out ones; allowed: 2 to ${candidates.length}.`,
    );
  }
  rng.shuffle(candidates);
  if (data.regime === 'longtail')
    candidates = [...candidates].sort((a, b) => (groups[b] as number[]).length - (groups[a] as number[]).length);
  const chosen = candidates.slice(0, data.trainIds);
  const depths = Int32Array.from(chosen, (id, rank) => {
    const have = (groups[id] as number[]).length;
    if (data.regime === 'shallow') return 2;
    if (data.regime === 'deep') return Math.min(have, data.deepDepth);
    return Math.min(have, zipfDepth(rank + 1, data.longTail));
  });
  const images: number[] = [];
  const labels: number[] = [];
  chosen.forEach((id, label) => {
    const own = [...(groups[id] as number[])];
    rng.shuffle(own);
    for (const image of own.slice(0, depths[label])) {
      images.push(image);
      labels.push(label);
    }
  });
  const dataset: FaceDataset = {
    train: imageSet(pool, images, labels),
    trainIds: chosen.length,
    depthPerId: depths,
    test: held.test,
    testIds: held.testIds,
    pairs: held.pairs,
  };
  return { dataset, notes: held.notes };
}
