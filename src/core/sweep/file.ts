/**
 * The layout of a sweep's sweep.json, shared by the runner that writes it (cli/sweepFiles.ts) and
 * the page that imports it (core/sweep/readFile.ts): no Node module here, so the page can use it.
 */
import type { ExperimentConfig } from '../config';
import type { SweepSpec } from './spec';
import type { CellResult } from './summary';

/**
 * Bump on any change of meaning or layout of sweep.json. An addition a reader of the same version
 * refuses by name (the PyTorch backend below) is not a bump: an older build names the backend it
 * does not know instead of reading the file as the runner's.
 */
export const SWEEP_VERSION = 1;

/** The backends a sweep trains on: the runner's (cli/backend-node.ts NODE_BACKENDS) and, on the page, webgl too. */
export const SWEEP_BACKENDS = ['wasm', 'cpu', 'webgpu', 'webgl'] as const;
export type SweepBackend = (typeof SWEEP_BACKENDS)[number];

/**
 * The backend of a sweep trained by the exported PyTorch project (templates/torch/run_sweep.py),
 * whose file also says `source: "pytorch"`; its run keys hash this backend, so they never equal a
 * runner run's.
 */
export const PYTORCH_SWEEP_BACKEND = 'pytorch';

export interface SweepCellFile extends CellResult {
  config: ExperimentConfig;
}

export interface SweepFile {
  version: number;
  /** Every cell's runs finished; false in the file written at the start. */
  complete: boolean;
  versions: { sweep: number; engine: number; runStore: number };
  spec: SweepSpec;
  /** Absent: the runner (npm run sweep) wrote it; "pytorch": the exported PyTorch project did. */
  source?: 'pytorch';
  backend: SweepBackend | typeof PYTORCH_SWEEP_BACKEND;
  /** The methods' labels, the first the baseline. */
  methods: string[];
  /** E.g. that an axis makes the baseline train per cell. */
  notes: string[];
  /** Runs in the grid (cells × methods × seeds), distinct by run key, trained now and reused from the store. */
  runs: { grid: number; distinct: number; trained: number; reused: number };
  /** Wall time of this sweep, s (a reused run's time is in its cells' trainSeconds). */
  wallSeconds: number;
  cells: SweepCellFile[];
}
