/**
 * The layout of a sweep's sweep.json, shared by the runner that writes it (cli/sweepFiles.ts) and
 * the page that imports it (core/sweep/readFile.ts): no Node module here, so the page can use it.
 */
import type { ExperimentConfig } from '../config';
import type { SweepSpec } from './spec';
import type { CellResult } from './summary';

/** Bump on any change of meaning or layout of sweep.json. */
export const SWEEP_VERSION = 1;

/** The backends a sweep trains on: the runner's (cli/backend-node.ts NODE_BACKENDS) and, on the page, webgl too. */
export const SWEEP_BACKENDS = ['wasm', 'cpu', 'webgpu', 'webgl'] as const;
export type SweepBackend = (typeof SWEEP_BACKENDS)[number];

export interface SweepCellFile extends CellResult {
  config: ExperimentConfig;
}

export interface SweepFile {
  version: number;
  /** Every cell's runs finished; false in the file written at the start. */
  complete: boolean;
  versions: { sweep: number; engine: number; runStore: number };
  spec: SweepSpec;
  backend: SweepBackend;
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
