import { beforeAll, describe, expect, it } from 'vitest';
import { presetConfig } from '../presets';
import { architectureFor, paramSpecsFor } from '../model/architecture';
import { emaUpdate } from '../model/ema';
import { Net } from '../model/net';
import { useCpu } from '../../test/tfCpu';
import * as tf from '../tf';
import { agentAlpha } from './agents';
import { SgdMomentum } from './optimizer';
import { learningRateAt } from './schedule';

beforeAll(useCpu);

describe('SgdMomentum', () => {
  it('follows torch.optim.SGD: d = g + λw, buf = μ·buf + d, w −= lr·buf', () => {
    const w = tf.variable(tf.tensor1d([1, -2]));
    const opt = new SgdMomentum([w], 0.9, 0.1);
    const g = tf.tensor1d([0.5, 0.5]);
    tf.tidy(() => opt.apply([g], 0.1));
    // d = [0.6, 0.3]; buf = d; w = [1 − 0.06, −2 − 0.03]
    expect(Array.from(w.dataSync())).toEqual([0.94, -2.03].map((v) => expect.closeTo(v, 6)));
    tf.tidy(() => opt.apply([g], 0.1));
    // d = [0.5 + 0.094, 0.5 − 0.203]; buf = 0.9·[0.6, 0.3] + d
    const buf = [0.9 * 0.6 + 0.594, 0.9 * 0.3 + 0.297];
    expect(Array.from(w.dataSync())).toEqual(
      [0.94 - 0.1 * (buf[0] as number), -2.03 - 0.1 * (buf[1] as number)].map((v) => expect.closeTo(v, 6)),
    );
    tf.dispose([w, g]);
    opt.dispose();
  });
});

describe('learningRateAt', () => {
  const optim = { ...presetConfig('smoke').optim, lr: 0.1, milestones: [0.5, 0.75], gamma: 0.1, warmupSteps: 0 };
  it('steps down by γ at each milestone', () => {
    expect(learningRateAt(0, 100, optim)).toBeCloseTo(0.1, 10);
    expect(learningRateAt(49, 100, optim)).toBeCloseTo(0.1, 10);
    expect(learningRateAt(50, 100, optim)).toBeCloseTo(0.01, 10);
    expect(learningRateAt(75, 100, optim)).toBeCloseTo(0.001, 10);
  });
  it('warms up linearly', () => {
    const w = { ...optim, warmupSteps: 4 };
    expect([0, 1, 2, 3, 4].map((t) => learningRateAt(t, 100, w))).toEqual(
      [0.025, 0.05, 0.075, 0.1, 0.1].map((v) => expect.closeTo(v, 10)),
    );
  });
});

describe('EMA and agent α', () => {
  it('θ_G ← α·θ_G + (1 − α)·θ_P on every trainable weight, BN statistics untouched', async () => {
    const arch = architectureFor('tiny', 4);
    const specs = paramSpecsFor(arch, 1);
    const ones = specs.map((s) => new Float32Array(s.shape.reduce((a, b) => a * b, 1)).fill(1));
    const threes = specs.map((s) => new Float32Array(s.shape.reduce((a, b) => a * b, 1)).fill(3));
    const g = Net.fromValues(arch, specs, ones, false);
    const p = Net.fromValues(arch, specs, threes, true);
    tf.tidy(() => p.bn.get('stem.bn')?.mean.assign(tf.fill([8], 7)));
    emaUpdate(g, p, 0.75);
    const snap = await g.snapshot();
    for (const w of snap.weights) for (const v of w) expect(v).toBeCloseTo(0.75 * 1 + 0.25 * 3, 6);
    expect(Array.from(snap.bn[0] as Float32Array)).toEqual(Array(8).fill(0));
    g.dispose();
    p.dispose();
  });

  it('horizon-matched α is α^K with active updates and α with updates of all agents', () => {
    const m = presetConfig('smoke').masst;
    expect(agentAlpha({ ...m, agentAlpha: 'horizonMatched', agentUpdate: 'active' }, 0.99, 4, 2)).toBeCloseTo(
      0.99 ** 4,
      12,
    );
    expect(agentAlpha({ ...m, agentAlpha: 'horizonMatched', agentUpdate: 'all' }, 0.99, 4, 2)).toBe(0.99);
    expect(agentAlpha({ ...m, agentAlpha: 'perAgent', agentAlphas: [0.9, 0.8] }, 0.99, 2, 1)).toBe(0.8);
    expect(() => agentAlpha({ ...m, agentAlpha: 'perAgent', agentAlphas: [0.9] }, 0.99, 2, 1)).toThrow(
      'masst.agentAlphas has no entry for agent 1',
    );
  });
});
