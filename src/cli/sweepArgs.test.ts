import { describe, expect, it } from 'vitest';
import { parseSweepArgs } from './sweepArgs';

describe('parseSweepArgs', () => {
  it('reads the sweep of the issue: preset, axis, methods (the K axis), seeds, out', () => {
    const a = parseSweepArgs([
      '--preset',
      'demo',
      '--axis',
      'masst.agentAlpha=shared,horizonMatched',
      '--methods',
      'sst,masst2,masst4,masst8',
      '--seeds',
      '1,2,3',
      '--out',
      'o',
    ]);
    expect(a).toEqual({
      kind: 'flags',
      spec: {
        preset: 'demo',
        set: [],
        axes: [{ path: 'masst.agentAlpha', values: ['shared', 'horizonMatched'] }],
        methods: 'sst,masst2,masst4,masst8',
        seeds: [1, 2, 3],
      },
      backend: 'wasm',
      out: 'o',
      workers: null,
      store: '.cache/runs',
    });
  });

  it('defaults to the preset’s methods and seeds and out/sweep-<preset>', () => {
    const a = parseSweepArgs(['--preset', 'smoke', '--axis', 'gallery.alpha=0.9,0.95', '--set', 'steps=20']);
    expect(a.kind === 'flags' && a.spec).toEqual({
      preset: 'smoke',
      set: ['steps=20'],
      axes: [{ path: 'gallery.alpha', values: ['0.9', '0.95'] }],
      methods: 'conventional,sst,masst4',
      seeds: [1],
    });
    expect(a.kind === 'flags' && a.out).toBe('out/sweep-smoke');
  });

  it('names a bad flag, value and what is allowed', () => {
    expect(() => parseSweepArgs(['--methods', 'sst,masstx'])).toThrow(
      '--methods "sst,masstx" is not allowed: expected a comma-separated list of conventional, sst, masstK (K from 1 to 8).',
    );
    expect(() => parseSweepArgs(['--axis', 'gallery.alpha'])).toThrow(
      '--axis "gallery.alpha" is not allowed: expected path=value1,value2,…',
    );
    expect(() => parseSweepArgs(['--grid', 'x'])).toThrow(
      'flag "--grid" is not allowed: expected one of --preset, --set, --axis, --methods, --seeds, --backend, --workers, --out, --store, --spec, --resume.',
    );
    expect(() => parseSweepArgs(['--workers', '0'])).toThrow('--workers "0" is not allowed: expected an integer ≥ 1.');
    // The runner's --set: each field once, any name let through to configOverride.ts (which refuses __proto__ by name).
    expect(() => parseSweepArgs(['--set', 'steps=20', '--set', 'steps=30'])).toThrow(
      '--set "steps=30" is not allowed: expected each field once: steps is already set by --set steps=20.',
    );
  });

  it('--spec holds the whole sweep; --resume keeps everything but --workers and --store', () => {
    expect(parseSweepArgs(['--spec', 's.json', '--backend', 'cpu'])).toEqual({
      kind: 'file',
      file: 's.json',
      backend: 'cpu',
      out: 'out/sweep',
      workers: null,
      store: '.cache/runs',
    });
    expect(() => parseSweepArgs(['--spec', 's.json', '--seeds', '1'])).toThrow(
      '--seeds is not allowed with --spec s.json: the file holds the whole sweep; expected only --backend, --workers, --out, --store.',
    );
    expect(parseSweepArgs(['--resume', 'd', '--workers', '1'])).toEqual({
      kind: 'resume',
      dir: 'd',
      workers: 1,
      store: '.cache/runs',
    });
    expect(() => parseSweepArgs(['--resume', 'd', '--backend', 'cpu'])).toThrow(
      '--backend is not allowed with --resume: a resumed sweep keeps the spec, backend and folder of d/sweep.json; expected only --workers, --store.',
    );
  });
});
