import { describe, expect, it } from 'vitest';
import type { EvalConfig } from '../config';
import type { ImageSet, VerificationPairs } from '../data/types';
import { createRng } from '../rng';
import { rank1 } from './rank1';
import { auc, tarAtFar } from './roc';
import { pairScores } from './scores';
import { evaluateEmbeddings } from './report';
import { verify } from './verification';

const config: EvalConfig = { every: 0, thresholdRule: 'tprMinusFpr', farTargets: [0.1, 0.01] };

function imageSet(labels: number[]): ImageSet {
  return { pixels: new Float32Array(0), count: labels.length, size: 1, channels: 1, labels: Int32Array.from(labels) };
}

/** 4 IDs × 3 images at angles 90°·id + (0°, 5°, −5°) on the unit circle, [12, 2]. */
function toyEmbeddings(): { embeddings: Float32Array; test: ImageSet } {
  const labels: number[] = [];
  const xy: number[] = [];
  for (let id = 0; id < 4; id++) {
    for (const offset of [0, 5, -5]) {
      const a = ((90 * id + offset) * Math.PI) / 180;
      xy.push(Math.cos(a), Math.sin(a));
      labels.push(id);
    }
  }
  return { embeddings: Float32Array.from(xy), test: imageSet(labels) };
}

/** Per fold f: positive (ID f%4 image 0, image 1), negative (ID f%4 image 0, ID (f+1)%4 image 0, a look-alike when f is even). */
function toyPairs(): VerificationPairs {
  const a: number[] = [];
  const b: number[] = [];
  for (let f = 0; f < 10; f++) {
    const id = f % 4;
    a.push(3 * id, 3 * id);
    b.push(3 * id + 1, 3 * ((id + 1) % 4));
  }
  return {
    a: Int32Array.from(a),
    b: Int32Array.from(b),
    same: Uint8Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? 1 : 0)),
    lookalike: Uint8Array.from({ length: 20 }, (_, i) => (i % 4 === 1 ? 1 : 0)),
    fold: Uint8Array.from({ length: 20 }, (_, i) => Math.floor(i / 2)),
  };
}

/** Per fold f: one positive (ID f%4, images 0 and 2) and two negatives (image 1 against the next two IDs). */
function unbalancedPairs(): VerificationPairs {
  const a: number[] = [];
  const b: number[] = [];
  const same: number[] = [];
  for (let f = 0; f < 10; f++) {
    const id = f % 4;
    a.push(3 * id, 3 * id + 1, 3 * id + 1);
    b.push(3 * id + 2, 3 * ((id + 1) % 4), 3 * ((id + 2) % 4) + 2);
    same.push(1, 0, 0);
  }
  return {
    a: Int32Array.from(a),
    b: Int32Array.from(b),
    same: Uint8Array.from(same),
    lookalike: Uint8Array.from({ length: 30 }, (_, i) => (i % 3 === 1 ? 1 : 0)),
    fold: Uint8Array.from({ length: 30 }, (_, i) => Math.floor(i / 3)),
  };
}

describe('evaluateEmbeddings', () => {
  it('reports a perfectly separated toy set exactly, as plain JSON', () => {
    const { embeddings, test } = toyEmbeddings();
    const r = evaluateEmbeddings(embeddings, 2, test, toyPairs(), config);
    expect(r).toEqual({
      accuracy: 1,
      accuracyStdErr: 0,
      auc: 1,
      rank1: 1,
      rank1Coverage: { identities: 4, testIdentities: 4, probes: 8, notApplicable: null },
      // 10 negatives: FAR 0.01 < 1/10 is not measurable.
      tarAtFar: { '0.1': 1, '0.01': null },
      lookalikeAccuracy: 1,
      roc: { fpr: [0.1, 1], tpr: [1, 1] },
      pairs: 20,
    });
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });

  it('agrees with its parts on random embeddings, with the configured threshold rule', () => {
    // 1 positive and 2 negatives per fold, so the two rules pick different thresholds here.
    const rng = createRng(11);
    const { test } = toyEmbeddings();
    const embeddings = Float32Array.from({ length: 12 * 3 }, () => rng.normal());
    const pairs = unbalancedPairs();
    const r = evaluateEmbeddings(embeddings, 3, test, pairs, { ...config, thresholdRule: 'accuracy' });
    const scores = pairScores(embeddings, 3, pairs);
    const scored = { scores, same: pairs.same, lookalike: pairs.lookalike, fold: pairs.fold };
    const v = verify(scored, 'accuracy');
    expect(v.accuracy).not.toBe(verify(scored, 'tprMinusFpr').accuracy);
    expect([r.accuracy, r.accuracyStdErr, r.lookalikeAccuracy]).toEqual([
      v.accuracy,
      v.accuracyStdErr,
      v.lookalikeAccuracy,
    ]);
    expect(r.auc).toBe(auc(scores, pairs.same));
    expect(r.tarAtFar).toEqual(tarAtFar(scores, pairs.same, [0.1, 0.01]));
    expect(r.rank1).toBe(rank1(embeddings, 3, test.labels).rank1);
    expect(r.pairs).toBe(30);
  });

  it('evaluates a test set where some or every identity has one image (LFW different-person lines), rank-1 over the rest', () => {
    const { embeddings, test } = toyEmbeddings();
    // Images 1 and 2 of ID 3 relabelled as two new one-image identities 4 and 5.
    const labels = Int32Array.from(test.labels, (id, i) => (i === 10 ? 4 : i === 11 ? 5 : id));
    const r = evaluateEmbeddings(embeddings, 2, { ...test, labels }, toyPairs(), config);
    expect([r.accuracy, r.rank1, r.rank1Coverage]).toEqual([
      1,
      1,
      { identities: 3, testIdentities: 6, probes: 6, notApplicable: null },
    ]);
    const single = evaluateEmbeddings(
      embeddings,
      2,
      { ...test, labels: Int32Array.from(labels, (_, i) => i) },
      toyPairs(),
      config,
    );
    expect(single.accuracy).toBe(1);
    expect(single.rank1).toBeNull();
    expect(single.rank1Coverage?.notApplicable).toContain(
      'no held-out identity has 2 or more test images (12 identities',
    );
  });

  it('names embeddings that do not match the test set', () => {
    const { embeddings, test } = toyEmbeddings();
    expect(() => evaluateEmbeddings(embeddings, 3, test, toyPairs(), config)).toThrow(
      '24 values for 12 test images of dim 3 (expected 36)',
    );
  });
});
