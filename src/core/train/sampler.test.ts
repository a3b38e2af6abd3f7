import { describe, expect, it } from 'vitest';
import { createRng } from '../rng';
import { imagesById, PairSampler } from './sampler';

/** 12 identities; identity i has (i % 3) + 1 images. */
function layout(): Int32Array[] {
  const labels: number[] = [];
  for (let id = 0; id < 12; id++) for (let k = 0; k <= id % 3; k++) labels.push(id);
  return imagesById(Int32Array.from(labels), 12);
}

describe('PairSampler', () => {
  it('draws B distinct identities, two different images each where possible', () => {
    const images = layout();
    const s = new PairSampler(images, 4, 1, createRng(1));
    for (let i = 0; i < 20; i++) {
      const b = s.next();
      expect(new Set(b.ids).size).toBe(4);
      b.ids.forEach((id, j) => {
        const list = Array.from(images[id] as Int32Array);
        expect(list).toContain(b.view1[j]);
        expect(list).toContain(b.view2[j]);
        if (list.length > 1) expect(b.view1[j]).not.toBe(b.view2[j]);
        else expect(b.view1[j]).toBe(b.view2[j]);
      });
    }
  });

  it('leaves the identities still in the queue out of the next epoch', () => {
    // Q/B = 2 batches (8 IDs) in the queue: epoch 0 has 12 IDs = 3 batches, each later epoch
    // the 4 IDs not queued = 1 batch.
    const s = new PairSampler(layout(), 4, 2, createRng(2));
    const batches = Array.from({ length: 9 }, () => s.next());
    expect(batches.map((b) => b.epoch)).toEqual([0, 0, 0, 1, 2, 3, 4, 5, 6]);
    for (let i = 3; i < batches.length; i++) {
      const b = batches[i] as (typeof batches)[number];
      if (b.epoch === (batches[i - 1] as typeof b).epoch) continue;
      // First batch of an epoch: none of its IDs were in the last two batches.
      const queued = new Set([...(batches[i - 1]?.ids ?? []), ...(batches[i - 2]?.ids ?? [])]);
      for (const id of b.ids) expect(queued.has(id)).toBe(false);
    }
  });

  it('reports the queued identities of the last Q/B batches', () => {
    const s = new PairSampler(layout(), 4, 2, createRng(3));
    const a = s.next();
    const b = s.next();
    const c = s.next();
    expect([...s.queuedIds()].sort((x, y) => x - y)).toEqual([...b.ids, ...c.ids].sort((x, y) => x - y));
    expect(a.ids.some((id) => s.queuedIds().has(id))).toBe(false);
  });

  it('same seed, same batches; other seed, other batches', () => {
    const draw = (seed: number) => {
      const s = new PairSampler(layout(), 4, 1, createRng(seed));
      return Array.from({ length: 5 }, () => Array.from(s.next().view1)).flat();
    };
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
  });

  it('refuses a layout that cannot fill a batch after exclusion', () => {
    expect(() => new PairSampler(layout(), 4, 2, createRng(1))).not.toThrow();
    expect(() => new PairSampler(layout(), 4, 3, createRng(1))).toThrow(
      '12 identities minus 12 queued leave fewer than one batch of 4',
    );
  });
});
