/**
 * The typed boundary between the page and its pool of training workers. A comparison of R
 * methods over S seeds has S·R runs ("units", numbered seed-major: unit = seedIndex·R + run); the
 * page hands each worker some of them, and a worker trains its units in lock-step. Every message
 * carries the sessionId of the session it belongs to; the page drops messages of sessions that are no
 * longer current. Per-step scalars travel as typed arrays (transferred, not copied), only the
 * points new since the last flush.
 */
import type { FolderSource } from '../core/faces/source';
import type { DataConfig, ExperimentConfig } from '../core/config';
import type { SampleFace } from '../core/data/sampleFaces';
import type { LipschitzPoint } from '../core/analysis/analyzer';
import type { EvalReport } from '../core/eval/report';
import type { SlowStepTrace } from '../core/train/trace';
import type { QueueSnapshot } from '../core/analysis/queueView';
import type { EmbeddingView } from '../core/analysis/embeddingView';
import type { NetState } from '../core/train/checkpoint';
import type { BackendChoice, BackendName } from '../core/backends';
import type { ProbeSource } from '../core/export/probeFileSet';
import type { BackendMeasurement, TrialResult } from '../core/backendChoice';
import type { KeptChoice } from '../core/backendChoiceCache';

/** Where a worker's run control stands (worker/control.ts has the transitions). */
export type RunPhase = 'building' | 'ready' | 'training' | 'stepping' | 'slicing' | 'finished' | 'failed' | 'disposed';

/** One run a worker trains: the config's run `run` on seed `seed`, known to the page as `unit`. */
export interface UnitSpec {
  unit: number;
  seed: number;
  run: number;
}

/** One seed's comparison in a worker, as a checkpoint (core/train/checkpointCodec.ts bytes). */
export interface GroupCheckpoint {
  seed: number;
  units: number[];
  /** Per unit: still training (false once diverged). */
  active: boolean[];
  /**
   * The encoded checkpoint as a Blob, made by the worker: the page posts it on and IndexedDB keeps
   * it by reference, where an ArrayBuffer of the same 1–3 MB cost the page's main thread 25–45 ms
   * to serialize on every save (docs/performance.md, "A page that stays responsive").
   */
  bytes: Blob;
}

/** Everything one worker needs to continue where it was: all its groups at one lock-step step. */
export interface WorkerCheckpoint {
  worker: number;
  step: number;
  groups: GroupCheckpoint[];
}

/** 'data': generating synthetic faces; 'decode': decoding the user's folder; 'build': building the models. */
export type ProgressPhase = 'data' | 'decode' | 'build';

/** Page → worker. */
export type ToWorker =
  | {
      type: 'init';
      sessionId: number;
      /** This worker's place in the pool (echoed in 'ready' and 'state'). */
      worker: number;
      /** The experiment; `seed` is ignored in favour of each unit's seed. */
      config: ExperimentConfig;
      /** A backend, or 'auto' by the adapters' names when measuring failed (`trialFailure` says why). */
      backend: BackendChoice;
      /** How 'auto' chose `backend` by measuring (the page's chooseBackend), or null. */
      measurement: BackendMeasurement | null;
      trialFailure: string | null;
      /** Threads of this worker's wasm backend (pool/plan.ts wasmThreads); fixed for the worker's lifetime. */
      wasmThreads: number;
      units: UnitSpec[];
      /** Seeds whose faces this worker makes (cache or generation) and hands to the page. */
      makes: number[];
      /** The seed whose dataset the page shows (its summary is posted by its maker). */
      shownSeed: number;
      /** Continue from this checkpoint of the same units instead of step 0 (a restored comparison). */
      resume: WorkerCheckpoint | null;
      /** "Your faces": the seeds' datasets are cut from this folder instead of generated. */
      folder: FolderSource | null;
      /** Steps between two periodic checkpoints (the page's `checkpoint=` setting, core/checkpointEvery.ts). */
      checkpointEvery: number;
    }
  /**
   * One backend's trial for 'auto', to a worker of its own that the page throws away afterwards
   * (worker/backendChooser.ts): `config`'s runs for a few steps on `backend` (wasm on `threads`)
   * within `budgetMs`, unless `kept` holds a choice for this worker's device and the shape.
   * Answered by 'trialStarted' (timing begins) and 'trialResult'.
   */
  | {
      type: 'trialBackend';
      sessionId: number;
      backend: BackendName;
      config: ExperimentConfig;
      threads: number;
      budgetMs: number;
      kept: KeptChoice[];
    }
  /** The serialized faces of a seed made by another worker (core/data/cache.ts layout). */
  | { type: 'faces'; sessionId: number; seed: number; bytes: ArrayBuffer | SharedArrayBuffer }
  | { type: 'play'; sessionId: number }
  | { type: 'pause'; sessionId: number }
  /** One lock-step iteration of every unit (only while paused). */
  | { type: 'step'; sessionId: number }
  /** A Step whose iteration of `unit` is traced stage by stage (the worker holding it posts 'trace'). */
  | { type: 'stepSlowly'; sessionId: number; unit: number }
  /** Training speed: at most this many steps a second, or null for full speed. */
  | { type: 'speed'; sessionId: number; stepsPerSecond: number | null }
  /** Loss-landscape slices of every unit now (1-D, or 2-D streamed row by row). */
  | { type: 'landscape'; sessionId: number; dims: 1 | 2 }
  /** The page is being hidden or closed: a worker that is training sends a checkpoint after its current step. */
  | { type: 'checkpointNow'; sessionId: number }
  /** The probe weights of `unit` now (to the worker that trains it); answered by 'probeWeights' with the same `request`. */
  | { type: 'probeWeights'; sessionId: number; unit: number; request: number }
  /**
   * Which backend `choice` gives in this worker, answered by 'backend' (a sweep keys its runs by
   * the backend that really trains them, core/sweep/runKey.ts). Ends the worker's session first.
   */
  | { type: 'selectBackend'; sessionId: number; choice: BackendChoice };

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
  /** How 'auto' chose it by measuring; null when forced (`?backend=`) or chosen by name. */
  measurement: BackendMeasurement | null;
  /** Threads the wasm backend runs on (1 on other backends). */
  threads: number;
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
  /** Where the faces came from when they are the user's folder ("Your faces"); null: synthetic. */
  folder: FolderSummary | null;
}

export interface FolderSummary {
  root: string;
  identities: number;
  images: number;
  /** pairs.txt's format, or null when pairs were sampled over held-out identities by the seed. */
  pairsFormat: 'lfw-10-fold' | 'list' | null;
  /** Images that could not be decoded, each naming the file and why. */
  unreadable: string[];
}

/** New points since the last flush, for the units of one worker. */
export interface StatsBatch {
  /** The worker that trains these units. */
  worker: number;
  /** The units, [u]. */
  units: number[];
  /** Step numbers (1-based) of the new points, [n]. */
  steps: Int32Array;
  /** Loss of each unit at those steps, [u][n]. */
  losses: Float32Array[];
  /** Mean ms per step of each unit over this batch, [u]. */
  msPerStep: number[];
  /** Lock-step iterations per second of this worker over this batch. */
  stepsPerSecond: number;
}

/** What a smoothness probe costs, for the badge: "+k forward, +k backward every N steps". */
export interface SmoothnessCost {
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

/** One row of a landscape slice of one unit: losses over betas at alphas[index] (1-D: betas [0]). */
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
  units: number[];
  /** One report per unit, in the order of `units`. */
  reports: EvalReport[];
}

/** One unit's probe as it is after `step` steps: weights in spec order, then BN mean and variance per layer. */
export interface ProbeWeights {
  unit: number;
  step: number;
  state: NetState;
}

/**
 * How a worker's parts send a message to the page (postMessage, or a test's fake), with the
 * buffers to transfer. Declared here, beside the messages, so that the session and the parts it
 * builds (engine, analysis stream, faces) all import it from the protocol and not from each other.
 */
export type Post = (msg: FromWorker, transfer?: Transferable[]) => void;

/** Worker → page. */
export type FromWorker =
  | { type: 'backend'; sessionId: number; report: BackendReport }
  /** A backend trial's backend started: the page's time limit on the trial runs from here. */
  | { type: 'trialStarted'; sessionId: number }
  /**
   * The answer to 'trialBackend': the device and shape (the cache key), the backends available
   * here, and either the choice kept for them (`earlier`, no trial run) or the trial's result.
   */
  | {
      type: 'trialResult';
      sessionId: number;
      device: string;
      shape: string;
      available: BackendName[];
      earlier: BackendMeasurement | null;
      result: TrialResult | null;
    }
  | { type: 'progress'; sessionId: number; phase: ProgressPhase; done: number; total: number }
  | { type: 'dataset'; sessionId: number; summary: DatasetSummary }
  /** The serialized faces of a seed this worker made, for the page to hand to the other workers. */
  | { type: 'faces'; sessionId: number; seed: number; bytes: ArrayBuffer }
  | {
      type: 'ready';
      sessionId: number;
      worker: number;
      untrained: Array<{ seed: number; report: EvalReport }>;
      smoothnessCost: SmoothnessCost;
    }
  /** `run` is the unit. */
  | { type: 'smoothness'; sessionId: number; run: number; point: LipschitzPoint }
  | { type: 'agents'; sessionId: number; run: number; point: AgentPoint }
  | { type: 'landscape'; sessionId: number; row: LandscapeRow }
  | { type: 'stats'; sessionId: number; batch: StatsBatch }
  | { type: 'eval'; sessionId: number; result: EvalMessage }
  | { type: 'state'; sessionId: number; worker: number; phase: RunPhase; step: number }
  /** A unit whose loss became non-finite: stopped at `step`, the others go on. */
  | { type: 'diverged'; sessionId: number; unit: number; step: number; message: string }
  /** The queue(s) of an SST/MASST unit after a step (about once a second while training). */
  | { type: 'queue'; sessionId: number; unit: number; queues: QueueSnapshot[]; collisions: number }
  /** A unit's held-out embeddings projected on their first two principal components, at an evaluation. */
  | { type: 'embeddings'; sessionId: number; unit: number; view: EmbeddingView }
  /** The stages of one slowly stepped iteration of `unit` (core/train/trace.ts). */
  | { type: 'trace'; sessionId: number; unit: number; trace: SlowStepTrace }
  /** Every `checkpointEvery` steps, whenever training stops, and when the page is hidden: what a reload resumes from. */
  | { type: 'checkpoint'; sessionId: number; checkpoint: WorkerCheckpoint }
  /** The answer to a 'probeWeights' request (buffers transferred), or why there is none. */
  | {
      type: 'probeWeights';
      sessionId: number;
      request: number;
      result: { ok: true; probe: ProbeWeights } | { ok: false; message: string };
    }
  | { type: 'error'; sessionId: number; message: string };

export function assertNever(x: never): never {
  throw new Error(`Unexpected message: ${JSON.stringify(x)}`);
}

/**
 * Page → the probe-import worker (worker/probeImport.worker.ts, one per "Import probe"): the picked
 * files (a probe's graph model, or the zip "Download probe" saves), evaluated on the held-out pairs
 * of the comparison whose config and faces come with them, on `backend` (the runs' own).
 */
export interface ImportProbeMessage {
  type: 'importProbe';
  /** The session whose comparison this is (echoed): the page keeps the result only while it is current. */
  sessionId: number;
  files: File[];
  config: ExperimentConfig;
  /** Each seed's serialized faces (core/data/cache.ts layout), in the comparison's seed order. */
  faces: Array<{ seed: number; bytes: ArrayBuffer }>;
  backend: BackendChoice;
}

/** An imported probe on one seed: the report the runs get, and the Embeddings view's points. */
export interface ImportedProbeSeed {
  seed: number;
  report: EvalReport;
  view: EmbeddingView;
}

export interface ImportedProbeResult {
  /** Its model.json's description, else its zip's, folder's or file's name. */
  title: string;
  source: ProbeSource;
  /** The backend that embedded the images (read back). */
  backend: BackendName;
  /** One per seed, in the order of the message's faces. */
  seeds: ImportedProbeSeed[];
}

/** Probe-import worker → page: the evaluation, or why there is none (misfits named). */
export interface ImportedProbeMessage {
  type: 'importedProbe';
  sessionId: number;
  result: { ok: true; probe: ImportedProbeResult } | { ok: false; message: string };
}

/** To the sample-faces worker (sampleFaces.worker.ts): the faces of a seed before any comparison starts. */
export interface SampleFacesRequest {
  type: 'sampleFaces';
  /** Echoed in the answer: the page keeps only the answer to its latest request. */
  request: number;
  data: DataConfig;
  seed: number;
  ids: number;
  perId: number;
}

export type SampleFacesAnswer =
  | { type: 'sampleFaces'; request: number; ok: true; size: number; channels: 1 | 3; faces: SampleFace[] }
  | { type: 'sampleFaces'; request: number; ok: false; message: string };
