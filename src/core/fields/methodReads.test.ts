import { beforeAll, describe, expect, it } from 'vitest';
import { syntheticDataset, tinyConfig, useCpu } from '../../test/tfCpu';
import type { ExperimentConfig, Method, RunSpec } from '../config';
import { METHODS } from '../config';
import { leafPaths } from '../configOverride';
import { PRESET_NAMES, presetConfig } from '../presets';
import * as tf from '../tf';
import { Comparison } from '../train/comparison';
import { METHOD_READS, methodReads, readersOf } from './methodReads';

describe('METHOD_READS', () => {
  it('covers every leaf path of every preset', () => {
    for (const name of PRESET_NAMES) {
      const missing = [...leafPaths(presetConfig(name)).keys()].filter((p) => readersOf(p) === null);
      expect(missing, name).toEqual([]);
    }
  });

  it('has no key that no preset path falls under', () => {
    const paths = [...leafPaths(presetConfig('demo')).keys()];
    const unused = Object.keys(METHOD_READS).filter((k) => !paths.some((p) => p === k || p.startsWith(`${k}.`)));
    expect(unused).toEqual([]);
  });

  it('gives the longest matching key: the gallery α is not Conventional’s, the queue size is everyone’s', () => {
    expect(methodReads('conventional', 'gallery.alpha')).toBe(false);
    expect(methodReads('sst', 'gallery.alpha')).toBe(true);
    expect(METHODS.every((m) => methodReads(m, 'gallery.queueSize'))).toBe(true);
    expect(methodReads('sst', 'masst.agentAlpha')).toBe(false);
    expect(methodReads('masst', 'masst.agentAlphas')).toBe(true);
    expect(methodReads('conventional', 'data.variation.pose')).toBe(true);
    expect(() => methodReads('sst', 'galleryx')).toThrow('config field "galleryx" is not in METHOD_READS');
  });
});

/** The table against the trainers: a field a method does not read leaves its losses unchanged. */
describe('METHOD_READS matches what the trainers read (cpu)', () => {
  beforeAll(useCpu);
  const dataset = syntheticDataset(24, 6, 8);

  async function losses(config: ExperimentConfig, run: RunSpec): Promise<number[]> {
    const cmp = new Comparison({ ...config, runs: [run] }, dataset, 'im2col');
    const out: number[] = [];
    for (let i = 0; i < 4; i++) {
      const [l] = cmp.stepAll();
      out.push(((await (l as tf.Scalar).data())[0]) as number);
      tf.dispose(l);
    }
    cmp.dispose();
    return out;
  }

  const base = tinyConfig();
  /** Every masst.* field away from the default (perAgent α gave SST agentAlphas[0] before). */
  const otherMasst: ExperimentConfig = { ...base, masst: { agentUpdate: 'all', agentAlpha: 'perAgent', agentAlphas: [0.5, 0.6], agentInit: 'staggered', queueMode: 'perAgent' } };
  const run = (method: Method, agents = 1): RunSpec => ({ method, agents });

  it('SST does not read masst.*; Conventional reads neither masst.* nor gallery.alpha', async () => {
    expect(await losses(otherMasst, run('sst'))).toEqual(await losses(base, run('sst')));
    const conv = await losses(base, run('conventional'));
    expect(await losses({ ...otherMasst, gallery: { ...base.gallery, alpha: 0.5 } }, run('conventional'))).toEqual(conv);
  });

  it('a field a method reads changes its losses', async () => {
    const changedAlpha = { ...base, gallery: { ...base.gallery, alpha: 0.5 } };
    expect(await losses(changedAlpha, run('sst'))).not.toEqual(await losses(base, run('sst')));
    expect(await losses(otherMasst, run('masst', 2))).not.toEqual(await losses(base, run('masst', 2)));
  });
});
