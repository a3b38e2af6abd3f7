/**
 * The typed boundary between the page and the training worker. Every message carries the runId
 * of the session it belongs to; the page drops messages of sessions that are no longer current.
 * Per-step scalars travel as typed arrays (transferred, not copied), only the points new since
 * the last flush.
 */
import type { ExperimentConfig, RunSpec } from '../core/config';
import type { LipschitzPoint } from '../core/analysis/analyzer';
import type { EvalReport } from '../core/eval/report';

export const BACKEND_CHOICES = ['auto', 'webgpu', 'webgl', 'wasm', 'cpu'] as const;
export type BackendChoice = (typeof BACKEND_CHOICES)[number];
export type BackendName = Exclude<BackendChoice, 'auto'>;

/** Page → worker. */
export type ToWorker =
  | { type: 'init'; runId: number; config: ExperimentConfig; backend: BackendChoice }
  | { type: 'play'; runId: number }
  | { type: 'pause'; runId: number }
  /** One lock-step iteration of every run (only while paused). */
  | { type: 'step'; runId: number }
  /** Loss-landscape slices of every run now (1-D, or 2-D streamed row by row). */
  | { type: 'landscape'; runId: number; dims: 1 | 2 };

export interface AdapterInfo {
  vendor: string;
  architecture: string;
  /** True for a software adapter (SwiftShader, isFallbackAdapter). */
  software: boolean;
}

export interface BackendReport {
  /** The backend tfjs really runs (read back, not assumed). */
  backend: BackendName;
  adapter: AdapterInfo | null;
  /** Why another backend than the first choice runs, or what would be faster; null if none. */
  notice: string | null;
}

/** A few images of one identity for the dataset view: [count, size, size, channels] in [0, 1]. */
export interface FaceSample {
  id: number;
  pixels: Float32Array;
  count: number;
}

export interface PairSample {
  same: boolean;
  lookalike: boolean;
  /** [2, size, size, channels] in [0, 1]. */
  pixels: Float32Array;
}

export interface DatasetSummary {
  size: number;
  channels: 1 | 3;
  trainIds: number;
  trainImages: number;
  testIds: number;
  /** Images per training identity, [trainIds]. */
  depthPerId: Int32Array;
  samples: FaceSample[];
  pairs: PairSample[];
  /** Generation speed, or null when the dataset came from the cache. */
  imagesPerSecond: number | null;
  cached: boolean;
}

/** New points since the last flush, per run (index into the config's runs). */
export interface StatsBatch {
  /** Step numbers (1-based) of the new points, [n]. */
  steps: Int32Array;
  /** Loss of each run at those steps, [runs][n]. */
  losses: Float32Array[];
  /** Mean ms per step of each run over this batch, [runs]. */
  msPerStep: number[];
  /** Lock-step iterations per second over this batch. */
  stepsPerSecond: number;
}

/** What a smoothness probe costs, for the badge: "+k forward, +k backward every N steps". */
export interface ProbeCost {
  forward: number;
  backward: number;
  every: number;
}

export interface AgentPoint {
  step: number;
  /** ‖θ_k − θ_P‖ per agent. */
  distance: number[];
  /** Mean cosine of agent k's and the probe's features on the fixed batch. */
  featureCosine: number[];
  /** The agent paired with the probe at this step (k = (step − 1) mod K). */
  active: number;
}

/** One row of a landscape slice of one run: losses over betas at alphas[index] (1-D: betas [0]). */
export interface LandscapeRow {
  run: number;
  dims: 1 | 2;
  step: number;
  alphas: number[];
  betas: number[];
  index: number;
  losses: number[];
}

export interface EvalMessage {
  step: number;
  /** One report per run, in config order. */
  reports: EvalReport[];
}

/** Worker → page. */
export type FromWorker =
  | { type: 'backend'; runId: number; report: BackendReport }
  | { type: 'progress'; runId: number; phase: 'data' | 'build'; done: number; total: number }
  | { type: 'dataset'; runId: number; summary: DatasetSummary }
  | { type: 'ready'; runId: number; runs: RunSpec[]; untrained: EvalReport; probeCost: ProbeCost }
  | { type: 'smoothness'; runId: number; run: number; point: LipschitzPoint }
  | { type: 'agents'; runId: number; run: number; point: AgentPoint }
  | { type: 'landscape'; runId: number; row: LandscapeRow }
  | { type: 'stats'; runId: number; batch: StatsBatch }
  | { type: 'eval'; runId: number; result: EvalMessage }
  | { type: 'state'; runId: number; playing: boolean; step: number }
  | { type: 'error'; runId: number; message: string; recoverable: boolean };

export function assertNever(x: never): never {
  throw new Error(`Unexpected message: ${JSON.stringify(x)}`);
}
