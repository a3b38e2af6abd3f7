import { describe, expect, it } from 'vitest';
import type { SlowStepTrace } from '../../core/train/trace';
import { STAGES, stagesOf } from '../../core/train/trace';
import { stageText } from './stageText';

const trace: SlowStepTrace = {
  method: 'masst',
  step: 7,
  lr: 0.1,
  ids: [3, 9],
  probe: { viewCos: [0.5, 0.25] },
  gallery: { agent: 2, agents: 4, probeGalleryCos: [0.9, 0.8] },
  queue: { size: 16, pointer: 8, batch: 4, replacedIds: [-1, -1, -1, -1] },
  logits: {
    columns: 'queue slots',
    scale: 16,
    rows: [{ id: 3, ownCos: 0.5, ownLogit: 6.4, bestOtherCos: 0.7, bestOther: 13 }],
  },
  loss: { view1: 2.5, view2: 1.5, total: 2 },
  gradient: { gradNorm: 1.25, updateNorm: 0.0125 },
  ema: [{ agent: 2, alpha: 0.98, change: 0.00025 }],
  enqueue: { view: 2, first: 8, count: 4, ids: [3, 9, 1, 2] },
};

describe('slow-step stage texts', () => {
  it('say each stage with its numbers', () => {
    expect(stageText('gallery', trace)).toBe(
      'Agent 3 of 4 (k = t mod K, t = 6 steps before this one) embeds both views without gradients; cosine probe vs agent on view 1: 0.900, 0.800.',
    );
    expect(stageText('queue', trace)).toBe(
      "Slots 8–11 of 16 (the write pointer) are read as this batch's own identities, holding the other view's gallery features; the other 12 slots are negatives; those slots held their random start.",
    );
    expect(stageText('logits', trace)).toBe('Scale 16; view 1, #3: own 0.500 → logit 6.40, best other slot 13 0.700.');
    expect(stageText('loss', trace)).toBe('CE of view 1 2.5000, of view 2 1.5000; loss = their mean 2.0000.');
    expect(stageText('ema', trace)).toBe('agent 3: θG ← 0.98·θG + 0.020·θP, moved by 0.00025.');
    expect(stageText('enqueue', trace)).toBe(
      "View 2's gallery features of 4 identities written to slots 8–11; the pointer moves on by 4.",
    );
    for (const s of STAGES) expect(stageText(s, trace).length).toBeGreaterThan(10);
    expect(stagesOf('sst')).toEqual([...STAGES]);
  });
});
