import { describe, expect, it } from 'vitest';
import { presetConfig } from '../presets';
import type { SweepSpec } from './spec';
import { expandSweep, MAX_CELLS, parseAxis, sweepSpecFromJson } from './spec';

const spec = (over: Partial<SweepSpec> = {}): SweepSpec => ({
  preset: 'demo',
  set: [],
  axes: [{ path: 'masst.agentAlpha', values: ['shared', 'horizonMatched'] }],
  methods: 'sst,masst2,masst4',
  seeds: [1, 2, 3],
  ...over,
});

const problems = (s: SweepSpec): string => {
  try {
    expandSweep(s);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected expandSweep to refuse');
};

describe('expandSweep', () => {
  it('expands the grid row-major, each cell with its config, methods as runs, first seed', () => {
    const plan = expandSweep(
      spec({
        axes: [
          { path: 'masst.agentAlpha', values: ['shared', 'horizonMatched'] },
          { path: 'gallery.alpha', values: ['0.9', '0.98', '0.99'] },
        ],
      }),
    );
    expect(plan.cells.map((c) => c.label)).toEqual([
      'masst.agentAlpha=shared · gallery.alpha=0.9',
      'masst.agentAlpha=shared · gallery.alpha=0.98',
      'masst.agentAlpha=shared · gallery.alpha=0.99',
      'masst.agentAlpha=horizonMatched · gallery.alpha=0.9',
      'masst.agentAlpha=horizonMatched · gallery.alpha=0.98',
      'masst.agentAlpha=horizonMatched · gallery.alpha=0.99',
    ]);
    const c = plan.cells[4];
    expect(c?.config.masst.agentAlpha).toBe('horizonMatched');
    expect(c?.config.gallery.alpha).toBe(0.98);
    expect(c?.config.runs).toEqual([
      { method: 'sst', agents: 1 },
      { method: 'masst', agents: 2 },
      { method: 'masst', agents: 4 },
    ]);
    expect(c?.config.seed).toBe(1);
    // gallery.alpha is SST's own: said, not refused.
    expect(plan.notes).toEqual([
      "axis gallery.alpha changes the baseline SST's own settings: SST is trained per cell, not once per seed",
    ]);
  });

  it('applies --set before the axes and says nothing when the baseline does not read an axis', () => {
    const plan = expandSweep(spec({ set: ['steps=200'] }));
    expect(plan.cells.map((c) => c.config.steps)).toEqual([200, 200]);
    expect(plan.notes).toEqual([]);
  });

  it('names an unknown path, a bad value, a duplicate value and a duplicate axis, all at once', () => {
    const message = problems(
      spec({
        axes: [
          { path: 'masst.agentAlfa', values: ['shared'] },
          { path: 'gallery.alpha', values: ['0.9', 'x', '0.9'] },
          { path: 'gallery.alpha', values: ['0.9'] },
        ],
      }),
    );
    expect(message).toContain(
      'axis path "masst.agentAlfa" is not allowed: expected one of steps, batchSize, data.regime',
    );
    expect(message).toContain('axis gallery.alpha = "x" is not allowed: expected a finite number');
    expect(message).toContain('axis gallery.alpha value "0.9" is given twice: expected each value once');
    expect(message).toContain('axis gallery.alpha is given twice: expected each path on one axis');
  });

  it('checks each cell with validate(), naming the cell, the field, the value and what is allowed', () => {
    const message = problems(spec({ axes: [{ path: 'masst.agentAlpha', values: ['shared', 'sometimes'] }] }));
    expect(message).toBe(
      'Invalid sweep:\n  - cell masst.agentAlpha=sometimes: masst.agentAlpha = "sometimes" is not allowed: expected one of "shared", "perAgent", "horizonMatched".',
    );
    expect(problems(spec({ axes: [{ path: 'gallery.alpha', values: ['0.9', '1.5'] }] }))).toMatch(
      /^Invalid sweep:\n {2}- cell gallery\.alpha=1\.5: gallery\.alpha = 1\.5 is not allowed: expected /,
    );
  });

  it('refuses a grid over the cell limit, stating it', () => {
    const values = (n: number): string[] => Array.from({ length: n }, (_, i) => String(0.5 + i / 100));
    const message = problems(
      spec({
        axes: [
          { path: 'gallery.alpha', values: values(9) },
          { path: 'optim.lr', values: values(8) },
        ],
      }),
    );
    expect(message).toContain(`a grid of 9 × 8 = 72 cells is not allowed: expected at most ${MAX_CELLS} cells`);
  });

  it('refuses bad methods, seeds, axis counts, seed as an axis and an axis no method reads', () => {
    expect(problems(spec({ methods: 'sst,masst' }))).toContain(
      'methods "sst,masst" is not allowed: expected a comma-separated list of conventional, sst, masstK',
    );
    expect(problems(spec({ methods: 'sst,sst' }))).toContain('SST is given twice');
    expect(problems(spec({ seeds: [1, 1] }))).toContain('seed 1 is given twice');
    expect(problems(spec({ axes: [] }))).toContain('0 axes are not allowed: expected 1 to 3');
    expect(problems(spec({ axes: [{ path: 'seed', values: ['1', '2'] }] }))).toContain(
      'axis seed is not allowed: the seeds are their own list',
    );
    expect(problems(spec({ methods: 'conventional,sst' }))).toContain(
      'axis masst.agentAlpha is not allowed with methods conventional,sst: none of them reads it',
    );
    expect(problems(spec({ set: ['seed=3'] }))).toContain('--set seed=3 is not allowed');
  });
});

describe('parseAxis and sweepSpecFromJson', () => {
  const demo = presetConfig('demo');
  it('reads path=v1,v2 and refuses a list-valued path on the command line', () => {
    expect(parseAxis('masst.agentAlpha=shared,horizonMatched', demo)).toEqual({
      path: 'masst.agentAlpha',
      values: ['shared', 'horizonMatched'],
    });
    expect(() => parseAxis('masst.agentAlpha', demo)).toThrow(
      '--axis "masst.agentAlpha" is not allowed: expected path=value1,value2,…',
    );
    expect(() => parseAxis('optim.milestones=0.5,0.8', demo)).toThrow(
      'optim.milestones holds a list, so its values cannot be separated by commas',
    );
  });

  it('reads a --spec file, values as text, list values joined', () => {
    const s = sweepSpecFromJson(
      {
        preset: 'smoke',
        axes: [
          { path: 'optim.milestones', values: [[0.6, 0.85], [0.5]] },
          { path: 'gallery.alpha', values: [0.9, '0.95'] },
        ],
        methods: ['sst', 'masst2'],
        seeds: [1, 2],
      },
      'sweep.json',
    );
    expect(s).toEqual({
      preset: 'smoke',
      set: [],
      axes: [
        { path: 'optim.milestones', values: ['0.6,0.85', '0.5'] },
        { path: 'gallery.alpha', values: ['0.9', '0.95'] },
      ],
      methods: 'sst,masst2',
      seeds: [1, 2],
    });
    expect(expandSweep(s).cells[2]?.config.optim.milestones).toEqual([0.5]);
  });

  it('names the key, the value and what is allowed in a bad --spec file', () => {
    expect(() => sweepSpecFromJson({ preset: 'huge', axes: [], methods: 'sst', seeds: [1] }, 'x.json')).toThrow(
      'x.json: "preset" = "huge" is not allowed: expected one of demo, smoke, shallow, longtail, deep',
    );
    expect(() => sweepSpecFromJson({ axes: [], methods: 'sst', seeds: [1.5] }, 'x.json')).toThrow(
      'x.json: "seeds" = [1.5] is not allowed',
    );
    expect(() => sweepSpecFromJson({ axes: [], methods: 'sst', seeds: [1], steps: 3 }, 'x.json')).toThrow(
      'x.json: "steps" = 3 is not allowed: expected only the keys preset, set, axes, methods, seeds',
    );
    expect(() =>
      sweepSpecFromJson({ axes: [{ path: 'gallery.alpha', values: [{}] }], methods: 'sst', seeds: [1] }, 'x.json'),
    ).toThrow('x.json: "axes[0].values" = {} is not allowed');
  });
});
