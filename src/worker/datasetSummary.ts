/**
 * What the dataset view shows, cut from the generated dataset: a few identities' images, the
 * images-per-ID distribution and some held-out pairs, look-alike negatives among them.
 */
import type { FaceDataset, ImageSet } from '../core/data/types';
import type { DatasetSummary, FaceSample, FolderSummary, PairSample } from './protocol';

const SAMPLE_IDS = 6;
const IMAGES_PER_SAMPLE = 6;

function imageOf(set: ImageSet, index: number): Float32Array {
  const n = set.size * set.size * set.channels;
  return set.pixels.slice(index * n, (index + 1) * n);
}

function samples(set: ImageSet): FaceSample[] {
  const out: FaceSample[] = [];
  const byId = new Map<number, number[]>();
  set.labels.forEach((id, i) => byId.set(id, [...(byId.get(id) ?? []), i]));
  // The deepest identities first, so the long-tail head shows its variety.
  const ids = [...byId.entries()].sort((a, b) => b[1].length - a[1].length).slice(0, SAMPLE_IDS);
  for (const [id, indices] of ids) {
    const chosen = indices.slice(0, IMAGES_PER_SAMPLE);
    const parts = chosen.map((i) => imageOf(set, i));
    const pixels = new Float32Array(parts.reduce((a, p) => a + p.length, 0));
    parts.reduce((offset, p) => (pixels.set(p, offset), offset + p.length), 0);
    out.push({ id, pixels, count: chosen.length });
  }
  return out;
}

function pairSamples(ds: FaceDataset): PairSample[] {
  const { a, b, same, lookalike } = ds.pairs;
  const pick = (want: (i: number) => boolean, count: number): number[] => {
    const out: number[] = [];
    for (let i = 0; i < same.length && out.length < count; i++) if (want(i)) out.push(i);
    return out;
  };
  const chosen = [
    ...pick((i) => same[i] === 1, 3),
    ...pick((i) => same[i] === 0 && lookalike[i] === 1, 3),
    ...pick((i) => same[i] === 0 && lookalike[i] === 0, 2),
  ];
  return chosen.map((i) => {
    const x = imageOf(ds.test, a[i] as number);
    const y = imageOf(ds.test, b[i] as number);
    const pixels = new Float32Array(x.length * 2);
    pixels.set(x, 0);
    pixels.set(y, x.length);
    return { same: same[i] === 1, lookalike: lookalike[i] === 1, pixels };
  });
}

export function summarizeDataset(
  ds: FaceDataset,
  imagesPerSecond: number | null,
  folder: FolderSummary | null = null,
): DatasetSummary {
  return {
    size: ds.train.size,
    channels: ds.train.channels,
    trainIds: ds.trainIds,
    trainImages: ds.train.count,
    testIds: ds.testIds,
    depthPerId: ds.depthPerId.slice(),
    samples: samples(ds.train),
    pairs: pairSamples(ds),
    imagesPerSecond,
    cached: imagesPerSecond === null,
    folder,
  };
}

/** The typed-array buffers of a summary, to transfer instead of copy. */
export function summaryTransfer(s: DatasetSummary): ArrayBuffer[] {
  return [
    s.depthPerId.buffer,
    ...s.samples.map((x) => x.pixels.buffer),
    ...s.pairs.map((p) => p.pixels.buffer),
  ] as ArrayBuffer[];
}
