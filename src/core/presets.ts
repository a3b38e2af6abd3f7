/**
 * Named experiment presets. The CPU presets (smoke, shallow, longtail, deep) are sized for the
 * headless runner on a 2-core machine with the wasm backend; the EMA α of each is chosen for its
 * length, since a gallery averaging over ~1/(1−α) steps stays near its random start in a run not
 * much longer than that (α = 0.999, SST's value, means ~1,000 steps).
 */
import type { ExperimentConfig, MasstConfig, OptimConfig, RunSpec } from './config';
import { defaultDataConfig } from './data/defaults';

export const PRESET_NAMES = ['demo', 'smoke', 'shallow', 'longtail', 'deep'] as const;
export type PresetName = (typeof PRESET_NAMES)[number];

export const DEFAULT_RUNS: RunSpec[] = [
  { method: 'conventional', agents: 1 },
  { method: 'sst', agents: 1 },
  { method: 'masst', agents: 4 },
];

/** docs/method.md §5 defaults. */
export const DEFAULT_MASST: MasstConfig = {
  agentUpdate: 'active',
  agentAlpha: 'shared',
  agentAlphas: [0.99, 0.98, 0.97, 0.96, 0.95, 0.94, 0.93, 0.92],
  agentInit: 'copyProbe',
  queueMode: 'shared',
};

/** SST reference optimiser (docs/method.md §4), with milestones as fractions of the run. */
const OPTIM: OptimConfig = {
  lr: 0.1,
  momentum: 0.9,
  weightDecay: 5e-4,
  milestones: [0.6, 0.85],
  gamma: 0.1,
  warmupSteps: 0,
};

function base(): ExperimentConfig {
  return {
    seed: 1,
    steps: 400,
    batchSize: 32,
    data: defaultDataConfig(),
    model: { backbone: 'small', embedDim: 64 },
    loss: { type: 'am', scale: 32, margin: 0.35 },
    optim: { ...OPTIM, milestones: [...OPTIM.milestones] },
    gallery: { alpha: 0.99, queueSize: 256 },
    masst: { ...DEFAULT_MASST, agentAlphas: [...DEFAULT_MASST.agentAlphas] },
    runs: DEFAULT_RUNS.map((r) => ({ ...r })),
    eval: { every: 100, thresholdRule: 'tprMinusFpr', farTargets: [0.1, 0.01, 0.001] },
    analysis: { every: 50, etaMin: 0.5, etaMax: 4, etaPoints: 7, gridPoints: 21, landscapeEvery: 100, slice2d: false },
  };
}

/** A fresh copy of a preset (callers may mutate it). */
export function presetConfig(name: PresetName): ExperimentConfig {
  const c = base();
  switch (name) {
    case 'demo':
      // The page's default: SST's gain over Conventional on shallow data, visible within minutes
      // on 2 cores (docs/DEMO_SEARCH.md has every configuration tried and what it gave).
      c.steps = 600;
      c.batchSize = 16;
      c.data = {
        ...c.data,
        trainIds: 256,
        testIds: 150,
        imageSize: 24,
        pairs: 2000,
        variation: {
          ...c.data.variation,
          featureJitter: 0.1,
          lighting: 0.3,
          pose: 0.5,
          hair: 0.3,
          expression: 0.3,
          color: 0.2,
        },
      };
      c.model = { backbone: 'tiny', embedDim: 32 };
      c.gallery = { alpha: 0.98, queueSize: 128 };
      c.eval.every = 50;
      // A smoothness probe costs ~8 steps: every 100 steps adds ~8 % to a run.
      c.analysis = { ...c.analysis, every: 100, landscapeEvery: 0 };
      return c;
    case 'smoke':
      // All three methods in well under a minute on 2 cores: 16 px, tiny backbone, 30 steps.
      c.steps = 30;
      c.batchSize = 8;
      c.data = { ...c.data, trainIds: 64, testIds: 20, imageSize: 16, pairs: 200 };
      c.model = { backbone: 'tiny', embedDim: 32 };
      c.gallery = { alpha: 0.9, queueSize: 32 };
      c.eval.every = 10;
      c.analysis = { ...c.analysis, every: 10, landscapeEvery: 10, slice2d: true };
      return c;
    case 'shallow':
      // The paper's shallow setting (2 images per ID) scaled to ~15 CPU minutes.
      return c;
    case 'longtail':
      c.data = { ...c.data, regime: 'longtail' };
      return c;
    case 'deep':
      c.data = { ...c.data, regime: 'deep', trainIds: 256, deepDepth: 8 };
      c.gallery = { ...c.gallery, queueSize: 128 };
      return c;
  }
}

export function isPresetName(name: string): name is PresetName {
  return (PRESET_NAMES as readonly string[]).includes(name);
}

/** The seeds a preset runs by default: the demo compares three, the others one. */
export function presetSeeds(name: PresetName): number[] {
  return name === 'demo' ? [1, 2, 3] : [1];
}
