/**
 * What each panel of the page shows, picked from the state for useStoreSelector: a panel renders
 * again only when one of its fields changes. The loss and the run list change with every batch,
 * evaluations every few dozen steps, probes and slices rarely, the dataset once a session, so
 * most batches render the loss chart and the run list alone.
 */
import type { RunSeries, UiState } from './state';

function pick<T extends object, K extends keyof T>(x: T, keys: readonly K[]): Pick<T, K> {
  const out = {} as Pick<T, K>;
  for (const k of keys) out[k] = x[k];
  return out;
}

const IDENTITY = ['unit', 'run', 'seed', 'spec', 'label'] as const;
const LOSS = [...IDENTITY, 'steps', 'loss', 'smooth'] as const;
const EVAL = [...IDENTITY, 'evals', 'latest', 'diverged'] as const;
const ANALYSIS = [...IDENTITY, 'smoothness', 'agents', 'landscape1d', 'landscape2d'] as const;

/** A run as the loss chart sees it. */
export type LossRun = Pick<RunSeries, (typeof LOSS)[number]>;
/** A run as the evaluation charts and tables see it. */
export type EvalRun = Pick<RunSeries, (typeof EVAL)[number]>;
/** A run as the smoothness, landscape and agent charts see it. */
export type AnalysisRun = Pick<RunSeries, (typeof ANALYSIS)[number]>;

export const selectLoss = (s: UiState): { runs: LossRun[] } => ({ runs: s.runs.map((r) => pick(r, LOSS)) });

export interface EvalSlice {
  runs: EvalRun[];
  untrained: UiState['untrained'];
  totalSteps: number;
}

export const selectEval = (s: UiState): EvalSlice => ({
  runs: s.runs.map((r) => pick(r, EVAL)),
  untrained: s.untrained,
  totalSteps: s.totalSteps,
});

export interface AnalysisSlice {
  runs: AnalysisRun[];
  smoothnessCost: UiState['smoothnessCost'];
  /** A slice is refused until every worker is ready. */
  busy: boolean;
}

export const selectAnalysis = (s: UiState): AnalysisSlice => ({
  runs: s.runs.map((r) => pick(r, ANALYSIS)),
  smoothnessCost: s.smoothnessCost,
  busy: s.phase !== 'ready',
});

/** One line of the list of runs. */
export interface StatusRun extends Pick<
  RunSeries,
  'unit' | 'run' | 'seed' | 'spec' | 'label' | 'msPerStep' | 'diverged'
> {
  /** The run's last step with a loss (0 before the first). */
  step: number;
  loss: number | undefined;
}

export interface StatusSlice extends Pick<UiState, 'phase' | 'playing' | 'step' | 'totalSteps' | 'progress'> {
  seeds: number;
  runs: StatusRun[];
}

export const selectStatus = (s: UiState): StatusSlice => ({
  phase: s.phase,
  playing: s.playing,
  step: s.step,
  totalSteps: s.totalSteps,
  progress: s.progress,
  seeds: s.seeds.length,
  runs: s.runs.map((r) => ({
    ...pick(r, ['unit', 'run', 'seed', 'spec', 'label', 'msPerStep', 'diverged']),
    step: r.steps[r.steps.length - 1] ?? 0,
    loss: r.loss[r.loss.length - 1],
  })),
});

export interface ControlsSlice {
  playing: boolean;
  hasSession: boolean;
  /** 0 while nothing trains. */
  stepsPerSecond: number;
}

export const selectControls = (s: UiState): ControlsSlice => ({
  playing: s.playing,
  hasSession: s.phase !== 'idle',
  stepsPerSecond: s.playing ? s.stepsPerSecond : 0,
});

export const selectData = (s: UiState): Pick<UiState, 'dataset' | 'progress' | 'sessionId' | 'phase' | 'playing'> => ({
  dataset: s.dataset,
  progress: s.progress,
  sessionId: s.sessionId,
  phase: s.phase,
  playing: s.playing,
});

/** What the page itself (header, alerts, form, band toggle) reads. */
export interface PageSlice extends Pick<UiState, 'phase' | 'playing' | 'errors' | 'backend'> {
  seeds: number;
}

export const selectPage = (s: UiState): PageSlice => ({
  phase: s.phase,
  playing: s.playing,
  errors: s.errors,
  backend: s.backend,
  seeds: s.seeds.length,
});

/** A run as the explanations (model overview, queue, agents, embeddings) see it: the first seed's only. */
export interface ExplainRun extends Pick<
  RunSeries,
  'unit' | 'run' | 'spec' | 'label' | 'queue' | 'embeddings' | 'diverged'
> {
  loss: number | null;
  step: number;
}

export interface ExplainSlice {
  phase: UiState['phase'];
  playing: boolean;
  runs: ExplainRun[];
  /** Two views of the first sample identity, [2, size, size, channels], or null. */
  sample: { pixels: Float32Array; size: number; channels: 1 | 3 } | null;
  trace: UiState['trace'];
}

export const selectExplain = (s: UiState): ExplainSlice => {
  const first = s.dataset?.samples.find((x) => x.count >= 2);
  return {
    phase: s.phase,
    playing: s.playing,
    runs: s.runs
      .filter((r) => r.seed === s.seeds[0])
      .map((r) => ({
        ...pick(r, ['unit', 'run', 'spec', 'label', 'queue', 'embeddings', 'diverged']),
        loss: r.loss[r.loss.length - 1] ?? null,
        step: r.steps[r.steps.length - 1] ?? 0,
      })),
    sample: first && s.dataset ? { pixels: first.pixels, size: s.dataset.size, channels: s.dataset.channels } : null,
    trace: s.trace,
  };
};

/** The run bar's progress line (components/comparisonProgress.ts). */
export const selectProgress = (
  s: UiState,
): Pick<UiState, 'phase' | 'playing' | 'step' | 'totalSteps' | 'stepsPerSecond' | 'progress'> => ({
  phase: s.phase,
  playing: s.playing,
  step: s.step,
  totalSteps: s.totalSteps,
  stepsPerSecond: s.stepsPerSecond,
  progress: s.progress,
});
