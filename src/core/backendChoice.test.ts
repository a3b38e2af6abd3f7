import { describe, expect, it } from 'vitest';
import type { BackendMeasurement, TrialResult } from './backendChoice';
import {
  chosenThreads,
  describeMeasurement,
  deviceKey,
  fallbackBackend,
  fastest,
  nextBudget,
  shapeKey,
} from './backendChoice';
import { keptFor, MAX_KEPT, parseKept, withKept } from './backendChoiceCache';
import { presetConfig } from './presets';

const ok = (backend: TrialResult['backend'], msPerStep: number): TrialResult => ({
  backend,
  ok: true,
  msPerStep,
  steps: 3,
  warmupMs: 500,
});
const lost = (backend: TrialResult['backend'], reason: string): TrialResult => ({ backend, ok: false, reason });

describe('the choice from the timings', () => {
  it('takes the fastest backend that has a time, whatever the order', () => {
    expect(fastest([ok('wasm', 81), ok('webgl', 120), ok('webgpu', 38)])).toBe('webgpu');
    expect(fastest([ok('webgpu', 3900), ok('wasm', 81)])).toBe('wasm');
  });

  it('ignores a backend that lost its trial, and keeps the earlier of equal times', () => {
    expect(
      fastest([
        ok('wasm', 90),
        lost('webgl', 'warm-up took over its 1.0 s budget'),
        lost('webgpu', 'failed (device lost)'),
      ]),
    ).toBe('wasm');
    expect(fastest([ok('wasm', 50), ok('webgl', 50)])).toBe('wasm');
  });

  it('has no choice when no trial finished; the fallback is wasm where it started', () => {
    expect(fastest([lost('wasm', 'could not start'), lost('webgl', 'failed (x)')])).toBeNull();
    expect(fallbackBackend(['webgl', 'wasm'])).toBe('wasm');
    expect(fallbackBackend(['webgl'])).toBe('webgl');
    expect(fallbackBackend([])).toBe('cpu');
  });

  it('keeps the threads of the faster wasm trial, and says them', () => {
    const m: BackendMeasurement = {
      chosen: 'wasm',
      source: 'measured',
      results: [{ ...ok('wasm', 54), threads: 2 }, ok('wasm', 42), ok('webgl', 900)],
      device: 'd',
      shape: 's',
      totalMs: 3100,
      fallback: null,
    };
    expect(chosenThreads(m)).toBe(1);
    expect(describeMeasurement(m)).toBe(
      'wasm on 2 threads 54.0 ms/step, wasm 42.0 ms/step, webgl 900 ms/step → wasm (measured in 3.1 s)',
    );
    const threaded = { ...m, results: [{ ...ok('wasm', 230), threads: 2 }, ok('wasm', 294)] };
    expect(chosenThreads(threaded)).toBe(2);
    expect(describeMeasurement(threaded)).toMatch(/→ wasm on 2 threads \(measured in 3\.1 s\)$/);
    // A GPU backend chosen: its trial has no threads, so the workers' wasm (unused) keeps one.
    expect(chosenThreads({ ...m, chosen: 'webgl' })).toBe(1);
    // A kept entry with a threads count that is not a positive integer is dropped.
    const entry = (threads: unknown) =>
      JSON.stringify([{ device: 'd', shape: 's', chosen: 'wasm', results: [{ ...ok('wasm', 5), threads }] }]);
    expect(parseKept(entry(2))).toHaveLength(1);
    expect(parseKept(entry(0))).toHaveLength(0);
  });

  it('shares what is left of the budget among the trials still to come', () => {
    expect(nextBudget(3000, 0, 3)).toBe(1000);
    expect(nextBudget(3000, 400, 2)).toBe(1300);
    expect(nextBudget(3000, 3500, 1)).toBe(0);
    expect(() => nextBudget(3000, 0, 0)).toThrow('trialsLeft=0 is not allowed: expected at least 1');
  });

  it('says the timings and the choice as the page shows them', () => {
    const m: BackendMeasurement = {
      chosen: 'wasm',
      source: 'measured',
      results: [ok('wasm', 81.25), lost('webgl', 'warm-up took over its 1.0 s budget'), ok('webgpu', 3900)],
      device: 'd',
      shape: 's',
      totalMs: 2950,
      fallback: null,
    };
    expect(describeMeasurement(m)).toBe(
      'wasm 81.3 ms/step, webgl: warm-up took over its 1.0 s budget, webgpu 3900 ms/step → wasm (measured in 3.0 s)',
    );
    expect(describeMeasurement({ ...m, source: 'earlier' })).toMatch(/→ wasm \(measured earlier\)$/);
    expect(describeMeasurement({ ...m, fallback: 'No trial finished, so training runs on wasm.' })).toMatch(
      /\. No trial finished, so training runs on wasm\.$/,
    );
  });
});

describe('the cache keys', () => {
  it('change with what changes the cost of a step, and not with seeds, steps or lr', () => {
    const c = presetConfig('smoke');
    const key = shapeKey(c, 1);
    expect(shapeKey({ ...c, seed: 9, steps: 999, optim: { ...c.optim, lr: 0.5 } }, 1)).toBe(key);
    expect(shapeKey({ ...c, batchSize: 16 }, 1)).not.toBe(key);
    expect(shapeKey({ ...c, data: { ...c.data, imageSize: 32 } }, 1)).not.toBe(key);
    expect(shapeKey({ ...c, model: { ...c.model, backbone: 'small' } }, 1)).not.toBe(key);
    expect(shapeKey({ ...c, model: { ...c.model, embedDim: 64 } }, 1)).not.toBe(key);
    expect(shapeKey({ ...c, runs: c.runs.slice(1) }, 1)).not.toBe(key);
    expect(shapeKey(c, 2)).not.toBe(key);
    expect(key).toContain('methods=Conventional+SST+MASST K=4');
  });

  it('tell devices apart by their adapters and cores', () => {
    const a = {
      webgpu: { vendor: 'google', architecture: 'swiftshader' },
      webgl: { vendor: 'Google Inc.', architecture: 'SwiftShader' },
      cores: 2,
    };
    expect(deviceKey(a)).toBe('webgpu=google/swiftshader;webgl=Google Inc./SwiftShader;cores=2');
    expect(deviceKey({ ...a, webgpu: null })).not.toBe(deviceKey(a));
    expect(deviceKey({ ...a, cores: 8 })).not.toBe(deviceKey(a));
  });
});

describe('the kept choices', () => {
  const m = (device: string, shape: string, chosen: BackendMeasurement['chosen'] = 'wasm'): BackendMeasurement => ({
    chosen,
    source: 'measured',
    results: [ok(chosen, 40)],
    device,
    shape,
    totalMs: 3000,
    fallback: null,
  });

  it('are found again for the same device and shape only, as measured earlier', () => {
    const kept = parseKept(JSON.stringify(withKept([], m('d1', 's1', 'webgpu'))));
    expect(keptFor(kept, 'd1', 's1')).toEqual({
      chosen: 'webgpu',
      source: 'earlier',
      results: [ok('webgpu', 40)],
      device: 'd1',
      shape: 's1',
      totalMs: 0,
      fallback: null,
    });
    expect(keptFor(kept, 'd2', 's1')).toBeNull();
    expect(keptFor(kept, 'd1', 's2')).toBeNull();
  });

  it('replace the entry of the same device and shape, and drop the oldest past the limit', () => {
    let kept = withKept([], m('d', 's', 'webgl'));
    kept = withKept(kept, m('d', 's', 'wasm'));
    expect(kept).toHaveLength(1);
    expect(kept[0]?.chosen).toBe('wasm');
    for (let i = 0; i < MAX_KEPT + 5; i++) kept = withKept(kept, m('d', `s${i}`));
    expect(kept).toHaveLength(MAX_KEPT);
    expect(keptFor(kept, 'd', 's0')).toBeNull();
    expect(keptFor(kept, 'd', `s${MAX_KEPT + 4}`)).not.toBeNull();
  });

  it('drop malformed stored text and entries instead of trusting them', () => {
    expect(parseKept(null)).toEqual([]);
    expect(parseKept('{not json')).toEqual([]);
    expect(parseKept('{"device":"d"}')).toEqual([]);
    const good = withKept([], m('d', 's'))[0];
    const bad = [
      { ...good, chosen: 'metal' },
      { ...good, results: [{ backend: 'wasm', ok: true, msPerStep: -1, steps: 3, warmupMs: 1 }] },
      { ...good, device: 7 },
    ];
    expect(parseKept(JSON.stringify([...bad, good]))).toEqual([good]);
  });
});
