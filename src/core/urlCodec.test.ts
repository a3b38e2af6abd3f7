import { describe, expect, it } from 'vitest';
import { presetConfig } from './presets';
import { decodeConfig, decodeRuns, encodeConfig, encodeRuns } from './urlCodec';
import { validate } from './validate';

const decode = (q: string) => decodeConfig(new URLSearchParams(q));

describe('URL codec', () => {
  it('round-trips a changed config and writes only what differs from the preset', () => {
    const c = presetConfig('smoke');
    c.seed = 7;
    c.batchSize = 4;
    c.gallery.queueSize = 16;
    c.loss.type = 'arc';
    c.runs = [
      { method: 'sst', agents: 1 },
      { method: 'masst', agents: 3 },
    ];
    const params = encodeConfig('smoke', c, 'wasm');
    expect(params.toString()).toBe('preset=smoke&seed=7&batch=4&queue=16&loss=arc&methods=sst%2Cmasst3&backend=wasm');
    const back = decodeConfig(params);
    expect(back.config).toEqual(c);
    expect(back.backend).toBe('wasm');
    expect(back.problems).toEqual([]);
  });

  it('an empty URL is the demo preset', () => {
    const d = decode('');
    expect(d.config).toEqual(presetConfig('demo'));
    expect(d.preset).toBe('demo');
    expect(d.backend).toBe('auto');
  });

  it('reports a value that does not parse by name and value, and uses the default', () => {
    const d = decode('preset=smoke&batch=abc&loss=triplet');
    expect(d.problems.map((p) => p.param)).toEqual(['batch', 'loss']);
    expect(d.problems[0]?.message).toBe('batch = "abc" is not allowed: expected a number; using 8.');
    expect(d.problems[1]?.message).toBe('loss = "triplet" is not allowed: expected one of softmax, am, arc; using am.');
    expect(d.config.batchSize).toBe(8);
    expect(validate(d.config)).toEqual([]);
  });

  it('reports a value that parses but breaks a rule, with the rule, and uses the default', () => {
    const d = decode('preset=smoke&queue=30&alpha=1.5');
    expect(d.problems.map((p) => p.param).sort()).toEqual(['alpha', 'queue']);
    expect(d.problems.find((p) => p.param === 'queue')?.message).toContain('expected a multiple of batchSize (8)');
    expect(d.config.gallery.queueSize).toBe(32);
    expect(d.config.gallery.alpha).toBe(0.9);
  });

  it('blames a value that breaks a rule on another field on its own parameter', () => {
    // smoke: queue 32, so batch 64 breaks "queue a multiple of the batch", an issue of
    // gallery.queueSize, which the URL did not set.
    const d = decode('preset=smoke&batch=64&lr=0.05');
    expect(d.problems).toHaveLength(1);
    expect(d.problems[0]?.param).toBe('batch');
    expect(d.problems[0]?.message).toMatch(/^batch = "64" breaks a rule: gallery\.queueSize .* Using 8\.$/);
    expect(d.config.batchSize).toBe(8);
    expect(d.config.optim.lr).toBe(0.05);
    expect(validate(d.config)).toEqual([]);
  });

  it('reports an unknown preset and backend', () => {
    const d = decode('preset=huge&backend=tpu');
    expect(d.problems.map((p) => p.message)).toEqual([
      'preset = "huge" is not allowed: expected one of demo, smoke, shallow, longtail, deep; using demo.',
      'backend = "tpu" is not allowed: expected one of auto, webgpu, webgl, wasm, cpu; using auto.',
    ]);
  });

  it('encodes and decodes the methods list', () => {
    const runs = [
      { method: 'conventional' as const, agents: 1 },
      { method: 'masst' as const, agents: 4 },
    ];
    expect(encodeRuns(runs)).toBe('conventional,masst4');
    expect(decodeRuns('conventional,masst4')).toEqual(runs);
    expect(decodeRuns('conventional,arcface')).toBeNull();
    expect(decode('methods=masst12').problems[0]?.message).toContain('runs[0].agents = 12 is not allowed');
    const twice = decode('preset=smoke&methods=sst,sst');
    expect(twice.problems[0]?.message).toContain('methods: runs[1]');
    expect(twice.config.runs).toEqual(presetConfig('smoke').runs);
  });
});

describe('renamed parameters', () => {
  it('reads the old probeEvery as smoothEvery, with a notice naming both', () => {
    const d = decodeConfig(new URLSearchParams('preset=demo&probeEvery=25'));
    expect(d.config.analysis.every).toBe(25);
    expect(d.problems).toEqual([expect.objectContaining({ param: 'probeEvery', value: '25' })]);
    expect(d.problems[0]?.message).toContain('old name of smoothEvery');
    expect(encodeConfig('demo', d.config, 'auto').get('smoothEvery')).toBe('25');
    expect(encodeConfig('demo', d.config, 'auto').has('probeEvery')).toBe(false);
  });

  it('prefers smoothEvery when a link gives both, and says the old one is ignored', () => {
    const d = decodeConfig(new URLSearchParams('preset=demo&smoothEvery=20&probeEvery=25'));
    expect(d.config.analysis.every).toBe(20);
    expect(d.problems.map((p) => p.message)).toEqual([expect.stringContaining('"25" is ignored')]);
  });

  it('names the old parameter and its value when the value is refused', () => {
    const d = decodeConfig(new URLSearchParams('preset=demo&probeEvery=-3'));
    expect(d.config.analysis.every).toBe(presetConfig('demo').analysis.every);
    expect(d.problems.some((p) => p.value === '-3')).toBe(true);
  });

  it('reads smoothEvery without any notice', () => {
    const d = decodeConfig(new URLSearchParams('preset=demo&smoothEvery=30'));
    expect(d.config.analysis.every).toBe(30);
    expect(d.problems).toEqual([]);
  });
});
