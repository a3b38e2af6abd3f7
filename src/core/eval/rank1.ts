/**
 * Rank-1 identification (docs/method.md §7), taken over the identities it applies to: those with at
 * least 2 test images. For each of them its first image (lowest index) is the gallery and its
 * other images are probes; identities with a single test image (LFW's different-person lines name
 * many such people) have no probe and are left out, gallery included. A probe is correct when its
 * own identity's gallery image is strictly more similar (cosine) than every other gallery image; a
 * tie for the best similarity counts as a miss, so collapsed embeddings (all scores equal) score
 * 0, not 1/identities. With no identity of ≥ 2 images rank-1 is not applicable: null, with the
 * reason, never an error (verification does not need it).
 */
import { rowDot, unitRows } from './scores';

/** What rank-1 was taken over; part of every evaluation report. */
export interface Rank1Coverage {
  /** Identities with ≥ 2 test images: one gallery image each, their other images probes. */
  identities: number;
  /** Every identity of the test set, covered or not. */
  testIdentities: number;
  /** Probe images scored (the covered identities' images but their galleries). */
  probes: number;
  /** Why rank-1 is null (e.g. "no held-out identity has 2 test images"); null when it was computed. */
  notApplicable: string | null;
}

export interface Rank1Result extends Rank1Coverage {
  /** Share of probes identified correctly, in [0, 1]; null when not applicable (see `notApplicable`). */
  rank1: number | null;
}

/** First image index of each identity with ≥ 2 images, in order of appearance, and the number of identities. */
function galleryIndices(labels: Int32Array): { first: Map<number, number>; identities: number } {
  const first = new Map<number, number>();
  const count = new Map<number, number>();
  labels.forEach((id, i) => {
    if (!first.has(id)) first.set(id, i);
    count.set(id, (count.get(id) ?? 0) + 1);
  });
  for (const [id, c] of count) if (c < 2) first.delete(id);
  return { first, identities: count.size };
}

/** Whether probe row i is closer to gallery row `own` than to every other gallery row. */
function identifies(unit: Float64Array, dim: number, i: number, own: number, galleries: readonly number[]): boolean {
  const target = rowDot(unit, dim, i, own);
  return galleries.every((g) => g === own || rowDot(unit, dim, i, g) < target);
}

function notApplicable(identities: number, images: number): string {
  if (images === 0) return 'the test set is empty';
  return `no held-out identity has 2 or more test images (${identities} ${identities === 1 ? 'identity' : 'identities'}, 1 image each): rank-1 needs a gallery and a probe of one person`;
}

/**
 * Rank-1 identification accuracy over the identities with ≥ 2 test images.
 * @param embeddings [n, dim] row-major, one row per test image (normalised again here).
 * @param dim embedding dimension D.
 * @param labels [n] identity of each image.
 * @throws Error when the shapes disagree (a programming error, not a property of the data).
 */
export function rank1(embeddings: Float32Array, dim: number, labels: Int32Array): Rank1Result {
  const unit = unitRows(embeddings, dim);
  const n = unit.length / dim;
  if (labels.length !== n) throw new Error(`rank1: ${n} embeddings but ${labels.length} labels`);
  const { first, identities } = galleryIndices(labels);
  const galleries = [...first.values()];
  let probes = 0;
  let correct = 0;
  labels.forEach((id, i) => {
    const own = first.get(id);
    if (own === undefined || own === i) return;
    probes++;
    if (identifies(unit, dim, i, own, galleries)) correct++;
  });
  const covered = { identities: galleries.length, testIdentities: identities, probes };
  if (probes === 0) return { rank1: null, ...covered, notApplicable: notApplicable(identities, n) };
  return { rank1: correct / probes, ...covered, notApplicable: null };
}

/**
 * The coverage in words, for the runner's header and the page: "rank-1 over 5 of 13 held-out
 * identities (those with ≥ 2 test images), 15 probes", "rank-1 over all 4 held-out identities,
 * 8 probes", or "rank-1 n/a: <why>".
 */
export function rank1CoverageText(c: Rank1Coverage): string {
  if (c.notApplicable !== null) return `rank-1 n/a: ${c.notApplicable}`;
  const probes = `${c.probes} probe${c.probes === 1 ? '' : 's'}`;
  if (c.identities === c.testIdentities) return `rank-1 over all ${c.identities} held-out identities, ${probes}`;
  return `rank-1 over ${c.identities} of ${c.testIdentities} held-out identities (those with ≥ 2 test images), ${probes}`;
}
