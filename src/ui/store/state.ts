/**
 * The page's state and how each worker message changes it: a pure reducer, so it is tested in
 * Node. A comparison has one series per unit (method × seed, seed-major: unit = seedIndex·R +
 * run). Series are bounded: past MAX_POINTS a unit's loss series keeps every other point.
 */
import type { ExperimentConfig, RunSpec } from '../../core/config';
import { runLabel } from '../../core/config';
import type { EvalReport } from '../../core/eval/report';
import type { LipschitzPoint } from '../../core/analysis/analyzer';
import type { QueueSnapshot } from '../../core/analysis/queueView';
import type { EmbeddingView } from '../../core/analysis/embeddingView';
import type { SlowStepTrace } from '../../core/train/trace';
import { SMOOTHING } from '../../core/stats/smoothing';
import type {
  AgentPoint,
  BackendReport,
  DatasetSummary,
  FromWorker,
  LandscapeRow,
  SmoothnessCost,
  ProgressPhase,
  RunPhase,
} from '../../worker/protocol';

export const MAX_POINTS = 2000;
/** EMA factor of the smoothed loss line (core: the runner's CSV smooths the same way). */
export { SMOOTHING } from '../../core/stats/smoothing';

export interface EvalPoint {
  step: number;
  accuracy: number;
  stdErr: number;
  auc: number;
  /**
   * The rest of the evaluation but its ROC (the full report, ROC included, is kept for the latest
   * evaluation only, in `latest`): what a results.json download needs. Absent in a state kept by
   * an older build.
   */
  more?: Pick<EvalReport, 'rank1' | 'tarAtFar' | 'lookalikeAccuracy' | 'pairs'>;
}

export interface RunSeries {
  unit: number;
  seed: number;
  /** Index of the method in the config's runs. */
  run: number;
  spec: RunSpec;
  label: string;
  steps: number[];
  loss: number[];
  smooth: number[];
  msPerStep: number;
  evals: EvalPoint[];
  latest: EvalReport | null;
  smoothness: LipschitzPoint[];
  agents: AgentPoint[];
  landscape1d: { step: number; alphas: number[]; losses: number[] } | null;
  /** Rows arrive one by one; a missing row is null. */
  landscape2d: { step: number; alphas: number[]; betas: number[]; rows: Array<number[] | null> } | null;
  /** Set when the run's loss became non-finite: it stopped at `step`, the others went on. */
  diverged: { step: number; message: string } | null;
  /** SST/MASST: the queue(s) after the latest snapshot, and batch IDs found already queued. */
  queue: { queues: QueueSnapshot[]; collisions: number } | null;
  /** The held-out embeddings in 2-D at the latest evaluation. */
  embeddings: EmbeddingView | null;
}

export interface WorkerState {
  ready: boolean;
  phase: RunPhase;
  playing: boolean;
  step: number;
  stepsPerSecond: number;
}

export interface UiState {
  sessionId: number;
  phase: 'idle' | 'starting' | 'ready';
  /** Whether any worker is training. */
  playing: boolean;
  /** The step every unit has reached (the slowest worker's). */
  step: number;
  /** Steps of the whole run (config.steps). */
  totalSteps: number;
  methods: RunSpec[];
  seeds: number[];
  workers: WorkerState[];
  backend: BackendReport | null;
  progress: { phase: ProgressPhase; done: number; total: number } | null;
  /** The dataset view's seed (the first). */
  dataset: DatasetSummary | null;
  /** The untrained probe of each seed (the same initial weights for every method of a seed). */
  untrained: Array<{ seed: number; report: EvalReport }>;
  runs: RunSeries[];
  /** The slowest worker's lock-step rate. */
  stepsPerSecond: number;
  smoothnessCost: SmoothnessCost | null;
  /** The last slowly stepped iteration (Step slowly), of the unit it traced. */
  trace: { unit: number; trace: SlowStepTrace } | null;
  errors: string[];
}

export const initialState: UiState = {
  sessionId: 0,
  phase: 'idle',
  playing: false,
  step: 0,
  totalSteps: 0,
  methods: [],
  seeds: [],
  workers: [],
  backend: null,
  progress: null,
  dataset: null,
  untrained: [],
  runs: [],
  stepsPerSecond: 0,
  smoothnessCost: null,
  trace: null,
  errors: [],
};

export function emptyRun(unit: number, seed: number, run: number, spec: RunSpec): RunSeries {
  return {
    unit,
    seed,
    run,
    spec,
    label: runLabel(spec),
    steps: [],
    loss: [],
    smooth: [],
    msPerStep: 0,
    evals: [],
    latest: null,
    smoothness: [],
    agents: [],
    landscape1d: null,
    landscape2d: null,
    diverged: null,
    queue: null,
    embeddings: null,
  };
}

/** A new session: one empty series per unit, every worker not yet ready. */
export function startSession(
  sessionId: number,
  config: ExperimentConfig,
  seeds: readonly number[],
  workers: number,
): UiState {
  const runs = seeds.flatMap((seed, s) =>
    config.runs.map((spec, run) => emptyRun(s * config.runs.length + run, seed, run, spec)),
  );
  const idle: WorkerState = { ready: false, phase: 'building', playing: false, step: 0, stepsPerSecond: 0 };
  return {
    ...initialState,
    sessionId,
    phase: 'starting',
    totalSteps: config.steps,
    methods: config.runs,
    seeds: [...seeds],
    runs,
    workers: Array.from({ length: workers }, () => ({ ...idle })),
  };
}

/** Keeps every other point once a series is longer than MAX_POINTS. */
export function decimate<T>(xs: T[]): T[] {
  return xs.length > MAX_POINTS ? xs.filter((_, i) => i % 2 === 1 || i === xs.length - 1) : xs;
}

function appendLoss(run: RunSeries, steps: Int32Array, losses: Float32Array, ms: number): RunSeries {
  const s = [...run.steps];
  const l = [...run.loss];
  const sm = [...run.smooth];
  steps.forEach((step, k) => {
    const value = losses[k] as number;
    // A stopped (diverged) run's slots are non-finite: it has no point at these steps.
    if (!Number.isFinite(value)) return;
    const prev = sm[sm.length - 1];
    s.push(step);
    l.push(value);
    sm.push(prev === undefined ? value : SMOOTHING * prev + (1 - SMOOTHING) * value);
  });
  const keep = s.length > MAX_POINTS;
  const active = run.diverged === null;
  return {
    ...run,
    steps: keep ? decimate(s) : s,
    loss: keep ? decimate(l) : l,
    smooth: keep ? decimate(sm) : sm,
    msPerStep: active ? ms : run.msPerStep,
  };
}

/** Applies `change` to the series of each listed unit; `at(k)` gives the k-th unit's payload. */
function updateUnits<T>(
  state: UiState,
  units: readonly number[],
  at: (k: number) => T | undefined,
  change: (r: RunSeries, v: T) => RunSeries,
): UiState {
  const index = new Map(units.map((u, k) => [u, k]));
  return {
    ...state,
    runs: state.runs.map((r) => {
      const k = index.get(r.unit);
      const v = k === undefined ? undefined : at(k);
      return v === undefined ? r : change(r, v);
    }),
  };
}

function withLandscapeRow(r: RunSeries, row: LandscapeRow): RunSeries {
  if (row.dims === 1) return { ...r, landscape1d: { step: row.step, alphas: row.alphas, losses: row.losses } };
  const fresh = !r.landscape2d || r.landscape2d.step !== row.step || row.index === 0;
  const rows = fresh ? row.alphas.map((): number[] | null => null) : [...(r.landscape2d?.rows ?? [])];
  rows[row.index] = row.losses;
  return { ...r, landscape2d: { step: row.step, alphas: row.alphas, betas: row.betas, rows } };
}

/** The pool's aggregate from its workers: playing if any is, at the slowest worker's step. */
function withWorkers(state: UiState, workers: WorkerState[]): UiState {
  const speeds = workers.map((w) => w.stepsPerSecond).filter((v) => v > 0);
  return {
    ...state,
    workers,
    playing: workers.some((w) => w.playing),
    step: workers.length > 0 ? Math.min(...workers.map((w) => w.step)) : 0,
    stepsPerSecond: speeds.length > 0 ? Math.min(...speeds) : 0,
  };
}

function setWorker(state: UiState, index: number, change: Partial<WorkerState>): UiState {
  return withWorkers(
    state,
    state.workers.map((w, i) => (i === index ? { ...w, ...change } : w)),
  );
}

export function reduce(state: UiState, msg: FromWorker): UiState {
  if (msg.sessionId !== state.sessionId) return state;
  switch (msg.type) {
    case 'backend':
      return { ...state, backend: msg.report };
    case 'progress':
      return { ...state, progress: { phase: msg.phase, done: msg.done, total: msg.total } };
    case 'dataset':
      return { ...state, dataset: msg.summary };
    case 'faces':
    case 'checkpoint':
    case 'probeWeights':
      return state;
    case 'queue':
      return updateUnits(
        state,
        [msg.unit],
        () => msg,
        (r, q) => ({ ...r, queue: { queues: q.queues, collisions: q.collisions } }),
      );
    case 'embeddings':
      return updateUnits(
        state,
        [msg.unit],
        () => msg.view,
        (r, view) => ({ ...r, embeddings: view }),
      );
    case 'trace':
      return { ...state, trace: { unit: msg.unit, trace: msg.trace } };
    case 'ready': {
      const untrained = [
        ...state.untrained.filter((u) => !msg.untrained.some((m) => m.seed === u.seed)),
        ...msg.untrained,
      ].sort((a, b) => state.seeds.indexOf(a.seed) - state.seeds.indexOf(b.seed));
      const next = setWorker({ ...state, untrained, smoothnessCost: msg.smoothnessCost }, msg.worker, { ready: true });
      const all = next.workers.every((w) => w.ready);
      return { ...next, phase: all ? 'ready' : next.phase, progress: all ? null : next.progress };
    }
    case 'smoothness':
      return updateUnits(
        state,
        [msg.run],
        () => msg.point,
        (r, p) => ({ ...r, smoothness: [...r.smoothness, p] }),
      );
    case 'agents':
      return updateUnits(
        state,
        [msg.run],
        () => msg.point,
        (r, p) => ({ ...r, agents: [...r.agents, p] }),
      );
    case 'landscape':
      return updateUnits(state, [msg.row.run], () => msg.row, withLandscapeRow);
    case 'stats': {
      const b = msg.batch;
      const next = updateUnits(
        state,
        b.units,
        (k) => k,
        (r, k) => appendLoss(r, b.steps, b.losses[k] ?? new Float32Array(), b.msPerStep[k] ?? 0),
      );
      const last = b.steps[b.steps.length - 1];
      return last === undefined ? next : setWorker(next, b.worker, { step: last, stepsPerSecond: b.stepsPerSecond });
    }
    case 'eval': {
      const { step, units, reports } = msg.result;
      return updateUnits(
        state,
        units,
        (k) => reports[k],
        (r, rep) => ({
          ...r,
          latest: rep,
          evals: [
            ...r.evals,
            {
              step,
              accuracy: rep.accuracy,
              stdErr: rep.accuracyStdErr,
              auc: rep.auc,
              more: {
                rank1: rep.rank1,
                tarAtFar: rep.tarAtFar,
                lookalikeAccuracy: rep.lookalikeAccuracy,
                pairs: rep.pairs,
              },
            },
          ],
        }),
      );
    }
    case 'state': {
      const playing = msg.phase === 'training';
      return setWorker(state, msg.worker, {
        phase: msg.phase,
        playing,
        step: msg.step,
        ...(playing ? {} : { stepsPerSecond: 0 }),
      });
    }
    case 'diverged':
      return {
        ...updateUnits(
          state,
          [msg.unit],
          () => msg,
          (r, d) => ({ ...r, diverged: { step: d.step, message: d.message } }),
        ),
        errors: [...state.errors, msg.message],
      };
    case 'error': {
      const workers = state.workers.map((w) => ({ ...w, playing: false }));
      return {
        ...withWorkers(state, workers),
        phase: state.phase === 'starting' ? 'idle' : state.phase,
        errors: [...state.errors, msg.message],
      };
    }
    default:
      return state;
  }
}
