import { describe, expect, it } from 'vitest';
import type { ExperimentConfig } from './config';
import { PRESET_NAMES, presetConfig } from './presets';
import { assertValid, validate } from './validate';

function issuesOf(change: (c: ExperimentConfig) => void): Array<{ field: string; message: string }> {
  const c = presetConfig('smoke');
  change(c);
  return validate(c).map(({ field, message }) => ({ field, message }));
}

describe('validate', () => {
  it('accepts every preset', () => {
    for (const name of PRESET_NAMES) expect(validate(presetConfig(name))).toEqual([]);
  });

  const cases: Array<[string, (c: ExperimentConfig) => void, string, string]> = [
    [
      'queue not a multiple of the batch',
      (c) => (c.gallery.queueSize = 36),
      'gallery.queueSize',
      'gallery.queueSize = 36 is not allowed: expected a multiple of batchSize (8) below data.trainIds (64).',
    ],
    [
      'queue not below the train IDs',
      (c) => (c.gallery.queueSize = 64),
      'gallery.queueSize',
      'gallery.queueSize = 64 is not allowed: expected a multiple of batchSize (8) below data.trainIds (64).',
    ],
    [
      'queue leaving no batch per epoch',
      (c) => (c.gallery.queueSize = 60),
      'gallery.queueSize',
      'expected a multiple of batchSize (8)',
    ],
    [
      'K below 1',
      (c) => (c.runs[2] = { method: 'masst', agents: 0 }),
      'runs[2].agents',
      'runs[2].agents = 0 is not allowed: expected an integer from 1 to 8.',
    ],
    [
      'K above 8',
      (c) => (c.runs[2] = { method: 'masst', agents: 9 }),
      'runs[2].agents',
      'expected an integer from 1 to 8',
    ],
    [
      'SST with agents',
      (c) => (c.runs[1] = { method: 'sst', agents: 2 }),
      'runs[1].agents',
      'runs[1].agents = 2 is not allowed: expected 1 for sst.',
    ],
    [
      'unknown method',
      (c) => (c.runs[0] = { method: 'arcface' as 'sst', agents: 1 }),
      'runs[0].method',
      'runs[0].method = "arcface" is not allowed: expected one of "conventional", "sst", "masst".',
    ],
    [
      'α of 1',
      (c) => (c.gallery.alpha = 1),
      'gallery.alpha',
      'gallery.alpha = 1 is not allowed: expected a number in [0, 1).',
    ],
    [
      'batch of 1',
      (c) => (c.batchSize = 1),
      'batchSize',
      'batchSize = 1 is not allowed: expected an integer from 2 to 4096.',
    ],
    ['fractional steps', (c) => (c.steps = 2.5), 'steps', 'steps = 2.5 is not allowed'],
    [
      'negative seed',
      (c) => (c.seed = -1),
      'seed',
      'seed = -1 is not allowed: expected an integer from 0 to 4294967295.',
    ],
    [
      'image size not divisible',
      (c) => (c.data.imageSize = 18),
      'data.imageSize',
      'data.imageSize = 18 is not allowed: expected an integer from 8 to 128 divisible by 4',
    ],
    [
      'pairs not a multiple of 20',
      (c) => (c.data.pairs = 210),
      'data.pairs',
      'data.pairs = 210 is not allowed: expected a multiple of 20',
    ],
    [
      'probability above 1',
      (c) => (c.data.variation.glasses = 1.5),
      'data.variation.glasses',
      'data.variation.glasses = 1.5 is not allowed: expected a number in [0, 1].',
    ],
    [
      'max depth below min',
      (c) => {
        c.data.longTail.minDepth = 4;
        c.data.longTail.maxDepth = 2;
      },
      'data.longTail.maxDepth',
      'expected an integer ≥ data.longTail.minDepth (4)',
    ],
    [
      'two held-out IDs with look-alikes',
      (c) => (c.data.testIds = 2),
      'data.testIds',
      'data.testIds = 2 is not allowed: expected an integer ≥ 3 when 0 < data.lookalikeFraction < 1.',
    ],
    [
      'AM margin of 1',
      (c) => (c.loss.margin = 1),
      'loss.margin',
      'loss.margin = 1 is not allowed: expected a number in [0, 1).',
    ],
    ['unknown loss', (c) => (c.loss.type = 'triplet' as 'am'), 'loss.type', 'expected one of "softmax", "am", "arc"'],
    [
      'milestones not increasing',
      (c) => (c.optim.milestones = [0.8, 0.5]),
      'optim.milestones',
      'expected increasing fractions of the run, each in (0, 1)',
    ],
    [
      'warm-up as long as the run',
      (c) => (c.optim.warmupSteps = 30),
      'optim.warmupSteps',
      'optim.warmupSteps = 30 is not allowed: expected an integer from 0 to 29.',
    ],
    ['momentum of 1', (c) => (c.optim.momentum = 1), 'optim.momentum', 'expected a number in [0, 1)'],
    [
      'per-agent α too short',
      (c) => {
        c.masst.agentAlpha = 'perAgent';
        c.masst.agentAlphas = [0.9];
      },
      'masst.agentAlphas',
      'expected one α per agent: at least 4 values for runs[2] (K = 4)',
    ],
    [
      'per-agent queues too large',
      (c) => (c.masst.queueMode = 'perAgent'),
      'runs[2].agents',
      'when masst.queueMode = "perAgent"',
    ],
    [
      'unknown agent update',
      (c) => (c.masst.agentUpdate = 'some' as 'all'),
      'masst.agentUpdate',
      'expected one of "active", "all"',
    ],
    ['no runs', (c) => (c.runs = []), 'runs', 'runs = 0 is not allowed: expected from 1 to 8 runs.'],
    [
      'eval interval past the run',
      (c) => (c.eval.every = 31),
      'eval.every',
      'eval.every = 31 is not allowed: expected an integer from 0 to 30.',
    ],
    ['FAR of 0', (c) => (c.eval.farTargets = [0]), 'eval.farTargets[0]', 'expected a number in [0.000001, 1)'],
    [
      'three-channel images ok, two not',
      (c) => (c.data.channels = 2 as 1),
      'data.channels',
      'data.channels = 2 is not allowed: expected one of 1, 3.',
    ],
  ];
  for (const [name, change, field, text] of cases) {
    it(`reports ${name} by field, value and allowed range`, () => {
      const issues = issuesOf(change);
      const issue = issues.find((i) => i.field === field);
      expect(issue?.message).toContain(text);
    });
  }

  it('reports every problem at once', () => {
    const issues = issuesOf((c) => {
      c.batchSize = 1;
      c.gallery.alpha = 2;
      c.loss.scale = 0;
    });
    expect(issues.map((i) => i.field).sort()).toEqual(['batchSize', 'gallery.alpha', 'loss.scale']);
  });

  it('assertValid throws one error listing them all', () => {
    const c = presetConfig('smoke');
    c.steps = 0;
    c.gallery.alpha = -1;
    expect(() => assertValid(c)).toThrow(/steps = 0 is not allowed[\s\S]*gallery.alpha = -1 is not allowed/);
  });

  it('refuses the same method twice (the runs would collide in every chart and pairing)', () => {
    const issues = issuesOf((c) => {
      c.runs = [
        { method: 'sst', agents: 1 },
        { method: 'masst', agents: 4 },
        { method: 'sst', agents: 1 },
        { method: 'masst', agents: 2 },
      ];
    });
    expect(issues.map((i) => i.message)).toEqual([
      'runs[2] = {"method":"sst","agents":1} is not allowed: expected a method not already in the list (runs[0] is the same sst).',
    ]);
  });
});
