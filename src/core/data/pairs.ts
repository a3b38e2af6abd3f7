/**
 * Verification pairs over the test images, LFW style: half positive, half negative, 10 folds
 * each holding pairs/20 positives and pairs/20 negatives, and a share of the negatives pairing an
 * identity with its generated relative (a look-alike). Pairs are distinct while enough exist.
 */
import type { VerificationPairs } from './types';
import { createRng, deriveSeed } from '../rng';
import type { Rng } from '../rng';

export const FOLDS = 10;

type Pair = readonly [number, number];

export interface PairSpec {
  /** Total pairs, a positive multiple of 20. */
  pairs: number;
  /** Share of the negatives that are ID-vs-relative, in [0, 1]. */
  lookalikeFraction: number;
}

/** Image indices of each identity: labels [count] → [ids][images]. */
function imagesById(labels: Int32Array, ids: number): number[][] {
  const groups: number[][] = Array.from({ length: ids }, () => []);
  labels.forEach((label, index) => groups[label]?.push(index));
  return groups;
}

/** `n` pairs from shuffled candidates, cycling through them again only if there are too few. */
function takeCycling(candidates: Pair[], n: number, rng: Rng, what: string): Pair[] {
  if (n > 0 && candidates.length === 0) {
    throw new Error(`pairs: no ${what} pair is possible with this test set`);
  }
  rng.shuffle(candidates);
  return Array.from({ length: n }, (_, k) => candidates[k % candidates.length] as Pair);
}

function positiveCandidates(groups: number[][]): Pair[] {
  const out: Pair[] = [];
  for (const images of groups) {
    images.forEach((a, i) => images.slice(i + 1).forEach((b) => out.push([a, b])));
  }
  return out;
}

function lookalikeCandidates(groups: number[][], relatives: Int32Array): Pair[] {
  const out: Pair[] = [];
  groups.forEach((images, id) => {
    const relative = relatives[id] ?? -1;
    if (relative <= id) return;
    for (const a of images) for (const b of groups[relative] ?? []) out.push([a, b]);
  });
  return out;
}

/** Random different-ID, non-relative pairs by rejection; repeats allowed only after many misses. */
function randomNegatives(labels: Int32Array, relatives: Int32Array, n: number, rng: Rng): Pair[] {
  const out: Pair[] = [];
  const seen = new Set<number>();
  const count = labels.length;
  for (let attempts = 0; out.length < n; attempts++) {
    if (attempts > 1000 * (n + 10)) throw new Error('pairs: no random negative pair is possible');
    const a = rng.int(count);
    const b = rng.int(count);
    const la = labels[a] ?? -1;
    const lb = labels[b] ?? -1;
    if (la === lb || relatives[la] === lb) continue;
    const key = Math.min(a, b) * count + Math.max(a, b);
    if (seen.has(key) && attempts < 100 * (n + 10)) continue;
    seen.add(key);
    out.push([a, b]);
  }
  return out;
}

function checkSpec(spec: PairSpec): void {
  if (!Number.isInteger(spec.pairs) || spec.pairs <= 0 || spec.pairs % (2 * FOLDS) !== 0) {
    throw new Error(`data.pairs must be a positive multiple of 20, got ${spec.pairs}`);
  }
  if (!(spec.lookalikeFraction >= 0 && spec.lookalikeFraction <= 1)) {
    throw new Error(`data.lookalikeFraction must lie in [0, 1], got ${spec.lookalikeFraction}`);
  }
}

/**
 * Samples the pairs. `labels`: test identity of each image [count]; `relatives`: index of each
 * identity's relative or −1 [ids]. Output is ordered by fold, positives first within a fold.
 */
export function samplePairs(
  labels: Int32Array,
  relatives: Int32Array,
  spec: PairSpec,
  seed: number,
): VerificationPairs {
  checkSpec(spec);
  const rng = createRng(deriveSeed(seed, 'pairs'));
  const half = spec.pairs / 2;
  const nLook = Math.round(spec.lookalikeFraction * half);
  const groups = imagesById(labels, relatives.length);
  const positives = takeCycling(positiveCandidates(groups), half, rng, 'positive');
  const lookalikes = takeCycling(lookalikeCandidates(groups, relatives), nLook, rng, 'look-alike');
  // Look-alikes first, so that fold = index mod 10 spreads them evenly over the folds.
  const negatives = [...lookalikes, ...randomNegatives(labels, relatives, half - nLook, rng)];
  return assemble(positives, negatives, nLook);
}

/** Lays the pairs out fold by fold: pair k of each list goes to fold k mod 10. */
function assemble(positives: Pair[], negatives: Pair[], nLook: number): VerificationPairs {
  const total = positives.length + negatives.length;
  const out: VerificationPairs = {
    a: new Int32Array(total),
    b: new Int32Array(total),
    same: new Uint8Array(total),
    lookalike: new Uint8Array(total),
    fold: new Uint8Array(total),
  };
  let at = 0;
  for (let fold = 0; fold < FOLDS; fold++) {
    for (const [list, same] of [
      [positives, 1],
      [negatives, 0],
    ] as const) {
      for (let k = fold; k < list.length; k += FOLDS) {
        const pair = list[k] as Pair;
        out.a[at] = pair[0];
        out.b[at] = pair[1];
        out.same[at] = same;
        out.lookalike[at] = same === 0 && k < nLook ? 1 : 0;
        out.fold[at] = fold;
        at++;
      }
    }
  }
  return out;
}
