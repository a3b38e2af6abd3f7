import { beforeAll, describe, expect, it } from 'vitest';
import { syntheticDataset, tinyConfig, useCpu } from '../../test/tfCpu';
import * as tf from '../tf';
import { Comparison } from '../train/comparison';
import type { SemiSiameseTrainer } from '../train/semiSiamese';
import { agentTimeline, summarizeQueue } from './queueView';

beforeAll(useCpu);

describe('queue view', () => {
  it('ages, writers, occupancy and distinct IDs of a real MASST queue; no batch ID collides', async () => {
    // K = 3 agents, one shared queue of 8 slots, batch 4: after 3 steps the slots hold steps 3, 2.
    const config = tinyConfig({ runs: [{ method: 'masst', agents: 3 }] });
    const cmp = new Comparison(config, syntheticDataset(24, 6, 8), 'im2col');
    for (let i = 0; i < 3; i++) tf.dispose(cmp.stepAll());
    const trainer = cmp.runs[0]?.trainer as SemiSiameseTrainer;
    const q = trainer.queues[0];
    if (!q) throw new Error('no queue');
    const snap = { step: 3, pointer: q.pointer, slotIds: q.slotIds, writtenAt: q.writtenAt, writer: q.writer };
    expect(snap.pointer).toBe(4);
    expect(Array.from(q.writtenAt)).toEqual([3, 3, 3, 3, 2, 2, 2, 2]);
    expect(Array.from(q.writer)).toEqual([2, 2, 2, 2, 1, 1, 1, 1]);
    const s = summarizeQueue(snap);
    expect(Array.from(s.ages)).toEqual([0, 0, 0, 0, 1, 1, 1, 1]);
    expect(s.occupied).toBe(8);
    expect(s.distinctIds).toBe(8);
    expect(trainer.collisions).toBe(0);
    cmp.dispose();
    expect(
      summarizeQueue({
        step: 0,
        pointer: 0,
        slotIds: Int32Array.from([-1, 5]),
        writtenAt: Int32Array.from([0, 0]),
        writer: Int8Array.from([-1, 0]),
      }),
    ).toMatchObject({ occupied: 1, distinctIds: 1 });
  });

  it('agent timeline: rotation, active or all updates, staggered starts', () => {
    expect(agentTimeline({ agentUpdate: 'active', agentInit: 'copyProbe' }, 3, 1, 4)).toEqual([
      { step: 1, active: 0, ema: [0] },
      { step: 2, active: 1, ema: [1] },
      { step: 3, active: 2, ema: [2] },
      { step: 4, active: 0, ema: [0] },
    ]);
    expect(agentTimeline({ agentUpdate: 'all', agentInit: 'staggered' }, 3, 1, 3).map((s) => s.ema)).toEqual([
      [0],
      [0, 1],
      [0, 1, 2],
    ]);
    expect(agentTimeline({ agentUpdate: 'all', agentInit: 'copyProbe' }, 2, 5, 5)).toEqual([
      { step: 5, active: 0, ema: [0, 1] },
    ]);
  });
});
