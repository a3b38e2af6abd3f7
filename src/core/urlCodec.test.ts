import { describe, expect, it } from 'vitest';
import { presetConfig } from './presets';
import { decodeConfig, decodeRuns, encodeConfig, encodeRuns, KNOWN_PARAMS, PARAMS } from './urlCodec';
import { validate } from './validate';

const decode = (q: string) => decodeConfig(new URLSearchParams(q));

describe('URL codec', () => {
  it('round-trips a changed config and writes only what differs from the preset', () => {
    const c = presetConfig('smoke');
    c.seed = 7;
    c.batchSize = 4;
    c.gallery.queueSize = 16;
    c.loss.type = 'arc';
    c.runs = [{ method: 'sst', agents: 1 }, { method: 'masst', agents: 3 }];
    const params = encodeConfig('smoke', c, 'wasm');
    expect(params.toString()).toBe('preset=smoke&seed=7&batch=4&queue=16&loss=arc&methods=sst%2Cmasst3&backend=wasm');
    const back = decodeConfig(params);
    expect(back.config).toEqual(c);
    expect(back.backend).toBe('wasm');
    expect(back.problems).toEqual([]);
  });

  it('an empty URL is the smoke preset', () => {
    const d = decode('');
    expect(d.config).toEqual(presetConfig('smoke'));
    expect(d.preset).toBe('smoke');
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
    const d = decode('queue=30&alpha=1.5');
    expect(d.problems.map((p) => p.param).sort()).toEqual(['alpha', 'queue']);
    expect(d.problems.find((p) => p.param === 'queue')?.message).toBe(
      'queue = "30" is not allowed: gallery.queueSize must be a multiple of batchSize (8) below data.trainIds (64); using 32.',
    );
    expect(d.config.gallery.queueSize).toBe(32);
    expect(d.config.gallery.alpha).toBe(0.9);
  });

  it('reports an unknown preset and backend', () => {
    const d = decode('preset=huge&backend=tpu');
    expect(d.problems.map((p) => p.message)).toEqual([
      'preset = "huge" is not allowed: expected one of smoke, shallow, longtail, deep; using smoke.',
      'backend = "tpu" is not allowed: expected one of auto, webgpu, webgl, wasm, cpu; using auto.',
    ]);
  });

  it('encodes and decodes the methods list', () => {
    const runs = [{ method: 'conventional' as const, agents: 1 }, { method: 'masst' as const, agents: 4 }];
    expect(encodeRuns(runs)).toBe('conventional,masst4');
    expect(decodeRuns('conventional,masst4')).toEqual(runs);
    expect(decodeRuns('conventional,arcface')).toBeNull();
    expect(decode('methods=masst12').problems[0]?.message).toBe(
      'methods = "masst12" is not allowed: runs[0].agents must be an integer from 1 to 8; using conventional,sst,masst4.',
    );
  });

  it('round-trips a change of every parameter', () => {
    const c = presetConfig('smoke');
    Object.assign(c, { seed: 9, steps: 50, batchSize: 4 });
    c.optim.lr = 0.05;
    c.gallery = { alpha: 0.95, queueSize: 16 };
    c.loss = { type: 'arc', scale: 16, margin: 0.3 };
    c.model = { backbone: 'small', embedDim: 48 };
    c.data = { ...c.data, imageSize: 24, channels: c.data.channels === 1 ? 3 : 1, regime: 'longtail', trainIds: 48 };
    c.masst = { ...c.masst, agentUpdate: 'all', agentAlpha: 'horizonMatched', agentInit: 'staggered', queueMode: 'perAgent' };
    c.runs = [{ method: 'masst', agents: 2 }];
    c.eval.every = 25;
    c.analysis = { ...c.analysis, every: 5, landscapeEvery: 0, gridPoints: 11 };
    expect(validate(c)).toEqual([]);
    const params = encodeConfig('smoke', c, 'cpu');
    expect([...params.keys()].sort()).toEqual([...KNOWN_PARAMS].sort());
    const back = decodeConfig(params);
    expect(back.problems).toEqual([]);
    expect(back.config).toEqual(c);
  });

  // One value per parameter that does not parse, or parses but validate() rejects.
  const bad: Record<string, string> = {
    seed: '-1', steps: '0', batch: '1.5', lr: 'fast', queue: '0', alpha: '1', loss: 'cosface', scale: '500',
    margin: '2', backbone: 'huge', embed: '1', size: '17', channels: '2', regime: 'flat', trainIds: '1',
    agentUpdate: 'some', agentAlpha: 'x', agentInit: 'random', queueMode: 'none', evalEvery: '999',
    probeEvery: '-2', sliceEvery: '1e9', grid: '2', methods: 'sst,masst0',
  };

  it.each(Object.entries(bad))('reports a bad %s by name and value and uses the preset value', (name, value) => {
    const d = decode(`preset=smoke&${name}=${encodeURIComponent(value)}`);
    expect(d.problems.map((p) => p.param)).toEqual([name]);
    expect(d.problems[0]?.value).toBe(value);
    expect(d.problems[0]?.message).toMatch(new RegExp(`^${name} = "${value.replace(/[.+]/g, '\\$&')}" is not allowed: .+; using .+\\.$`));
    const param = PARAMS[name];
    expect(param?.get(d.config)).toBe(param?.get(presetConfig('smoke')));
    expect(validate(d.config)).toEqual([]);
  });

  it('covers every parameter with a bad value', () => {
    expect(Object.keys(bad).sort()).toEqual(Object.keys(PARAMS).sort());
  });

  it('blames the parameter that breaks another field’s rule and keeps the rest', () => {
    // batch=64 leaves smoke's queue of 32 below one batch; queue is not in the URL.
    const d = decode('batch=64&lr=0.2');
    expect(d.problems).toEqual([{
      param: 'batch',
      value: '64',
      message: 'batch = "64" is not allowed: with the other settings, gallery.queueSize must be a multiple of batchSize (64) below data.trainIds (64); using 8.',
    }]);
    expect(d.config.batchSize).toBe(8);
    expect(d.config.optim.lr).toBe(0.2);
  });

  it('accepts values that are only valid together', () => {
    // batch=12 alone does not divide smoke's queue of 32; with queue=24 both are valid.
    const d = decode('batch=12&queue=24');
    expect(d.problems).toEqual([]);
    expect(d.config.batchSize).toBe(12);
    expect(d.config.gallery.queueSize).toBe(24);
  });

  it('reports unknown parameters by name and ignores them', () => {
    const d = decode('preset=smoke&bacth=4&seed=3');
    expect(d.problems).toHaveLength(1);
    expect(d.problems[0]?.param).toBe('bacth');
    expect(d.problems[0]?.message).toMatch(/^bacth = "4" is not a known parameter \(known: preset, seed, .*backend\); ignored\.$/);
    expect(d.config.seed).toBe(3);
    expect(d.config.batchSize).toBe(8);
  });
});
