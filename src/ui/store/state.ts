/**
 * The page's state and how each worker message changes it: a pure reducer, so it is tested in
 * Node. Loss series are bounded (series.ts); the form travels along untouched by worker messages.
 */
import type { RunSpec } from '../../core/config';
import { runLabel } from '../../core/config';
import type { EvalReport } from '../../core/eval/report';
import type { LipschitzPoint } from '../../core/analysis/analyzer';
import type { AgentPoint, BackendReport, DatasetSummary, FromWorker, LandscapeRow, ProbeCost } from '../../worker/protocol';
import { colorOf } from '../colors';
import type { FormState } from './form';
import type { LossSeries } from './series';
import { appendPoints, emptySeries } from './series';

export interface RunSeries {
  spec: RunSpec;
  label: string;
  /** The run's colour in every chart. */
  color: string;
  loss: LossSeries;
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
  form: FormState;
  /** sessionKey() of the form the current session was started with; null before the first. */
  session: string | null;
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

export const initialState = (form: FormState): UiState => ({
  form,
  session: null,
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
});

/** A new session: every series and error of the old one cleared, the form kept. */
export function startSession(state: UiState, runId: number, session: string): UiState {
  return { ...initialState(state.form), session, runId, phase: 'starting' };
}

function emptyRuns(specs: readonly RunSpec[]): RunSeries[] {
  return specs.map((spec, i) => ({
    spec, label: runLabel(spec), color: colorOf(spec, specs.slice(0, i).filter((s) => s.method === 'masst').length),
    loss: emptySeries(), msPerStep: 0, evals: [], latest: null, smoothness: [], agents: [], landscape1d: null, landscape2d: null,
  }));
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
      return { ...state, phase: 'ready', progress: null, untrained: msg.untrained, probeCost: msg.probeCost, runs: emptyRuns(msg.runs) };
    case 'smoothness':
      return updateRun(state, msg.run, (r) => ({ ...r, smoothness: [...r.smoothness, msg.point] }));
    case 'agents':
      return updateRun(state, msg.run, (r) => ({ ...r, agents: [...r.agents, msg.point] }));
    case 'landscape':
      return updateRun(state, msg.row.run, (r) => withLandscapeRow(r, msg.row));
    case 'stats': {
      const b = msg.batch;
      const runs = state.runs.map((r, i) => ({ ...r, loss: appendPoints(r.loss, b.steps, b.losses[i] ?? new Float32Array()), msPerStep: b.msPerStep[i] ?? r.msPerStep }));
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
    default: {
      // A message type added to the protocol fails to compile here until it is handled.
      const unhandled: never = msg;
      void unhandled;
      return state;
    }
  }
}
