/**
 * The page's state and how each worker message changes it: a pure reducer, so it is tested in
 * Node. Series are bounded: past MAX_POINTS a run's loss series keeps every other point.
 */
import type { RunSpec } from '../../core/config';
import { runLabel } from '../../core/config';
import type { EvalReport } from '../../core/eval/report';
import type { LipschitzPoint } from '../../core/analysis/analyzer';
import type { AgentPoint, BackendReport, DatasetSummary, FromWorker, LandscapeRow, ProbeCost } from '../../worker/protocol';

export const MAX_POINTS = 2000;
/** EMA factor of the smoothed loss line. */
export const SMOOTHING = 0.9;

export interface RunSeries {
  spec: RunSpec;
  label: string;
  steps: number[];
  loss: number[];
  smooth: number[];
  msPerStep: number;
  evals: Array<{ step: number; accuracy: number; stdErr: number }>;
  latest: EvalReport | null;
  smoothness: LipschitzPoint[];
  agents: AgentPoint[];
  landscape1d: { step: number; alphas: number[]; losses: number[] } | null;
  /** Rows arrive one by one; a missing row is null. */
  landscape2d: { step: number; alphas: number[]; betas: number[]; rows: Array<number[] | null> } | null;
}

export interface UiState {
  runId: number;
  phase: 'idle' | 'starting' | 'ready';
  playing: boolean;
  step: number;
  backend: BackendReport | null;
  progress: { phase: 'data' | 'build'; done: number; total: number } | null;
  dataset: DatasetSummary | null;
  untrained: EvalReport | null;
  runs: RunSeries[];
  stepsPerSecond: number;
  probeCost: ProbeCost | null;
  errors: string[];
}

export const initialState: UiState = {
  runId: 0,
  phase: 'idle',
  playing: false,
  step: 0,
  backend: null,
  progress: null,
  dataset: null,
  untrained: null,
  runs: [],
  stepsPerSecond: 0,
  probeCost: null,
  errors: [],
};

/** A new session: every series cleared, errors kept only if asked. */
export function startSession(runId: number): UiState {
  return { ...initialState, runId, phase: 'starting' };
}

function emptyRun(spec: RunSpec): RunSeries {
  return {
    spec, label: runLabel(spec), steps: [], loss: [], smooth: [], msPerStep: 0, evals: [], latest: null,
    smoothness: [], agents: [], landscape1d: null, landscape2d: null,
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
    const prev = sm[sm.length - 1];
    s.push(step);
    l.push(value);
    sm.push(prev === undefined ? value : SMOOTHING * prev + (1 - SMOOTHING) * value);
  });
  const keep = s.length > MAX_POINTS;
  return { ...run, steps: keep ? decimate(s) : s, loss: keep ? decimate(l) : l, smooth: keep ? decimate(sm) : sm, msPerStep: ms };
}

function updateRun(state: UiState, index: number, change: (r: RunSeries) => RunSeries): UiState {
  return { ...state, runs: state.runs.map((r, i) => (i === index ? change(r) : r)) };
}

function withLandscapeRow(r: RunSeries, row: LandscapeRow): RunSeries {
  if (row.dims === 1) return { ...r, landscape1d: { step: row.step, alphas: row.alphas, losses: row.losses } };
  const fresh = !r.landscape2d || r.landscape2d.step !== row.step || row.index === 0;
  const rows = fresh ? row.alphas.map((): number[] | null => null) : [...(r.landscape2d?.rows ?? [])];
  rows[row.index] = row.losses;
  return { ...r, landscape2d: { step: row.step, alphas: row.alphas, betas: row.betas, rows } };
}

export function reduce(state: UiState, msg: FromWorker): UiState {
  if (msg.runId !== state.runId) return state;
  switch (msg.type) {
    case 'backend':
      return { ...state, backend: msg.report };
    case 'progress':
      return { ...state, progress: { phase: msg.phase, done: msg.done, total: msg.total } };
    case 'dataset':
      return { ...state, dataset: msg.summary };
    case 'ready':
      return { ...state, phase: 'ready', progress: null, untrained: msg.untrained, probeCost: msg.probeCost, runs: msg.runs.map(emptyRun) };
    case 'smoothness':
      return updateRun(state, msg.run, (r) => ({ ...r, smoothness: [...r.smoothness, msg.point] }));
    case 'agents':
      return updateRun(state, msg.run, (r) => ({ ...r, agents: [...r.agents, msg.point] }));
    case 'landscape':
      return updateRun(state, msg.row.run, (r) => withLandscapeRow(r, msg.row));
    case 'stats': {
      const b = msg.batch;
      const runs = state.runs.map((r, i) => appendLoss(r, b.steps, b.losses[i] ?? new Float32Array(), b.msPerStep[i] ?? 0));
      return { ...state, runs, step: b.steps[b.steps.length - 1] ?? state.step, stepsPerSecond: b.stepsPerSecond };
    }
    case 'eval': {
      const { step, reports } = msg.result;
      const runs = state.runs.map((r, i) => {
        const rep = reports[i];
        return rep ? { ...r, latest: rep, evals: [...r.evals, { step, accuracy: rep.accuracy, stdErr: rep.accuracyStdErr }] } : r;
      });
      return { ...state, runs };
    }
    case 'state':
      return { ...state, playing: msg.playing, step: msg.step };
    case 'error':
      return { ...state, playing: false, phase: state.phase === 'starting' ? 'idle' : state.phase, errors: [...state.errors, msg.message] };
    default:
      return state;
  }
}
