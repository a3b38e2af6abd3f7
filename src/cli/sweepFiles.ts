/**
 * What a sweep writes to its folder: sweep.json (spec, versions, per cell its config, runs with
 * their keys, paired differences, verdicts, smoothness differences and time), sweep.csv (tidy: one
 * row per cell × method × seed) and, for a 1- or 2-axis grid, one heatmap SVG per method against
 * the baseline. sweep.json is first written at the start with `complete: false` and its spec, so
 * `--resume DIR` can run the same sweep again after a stop; the run store supplies the runs
 * that had finished.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { writeAtomically } from './atomicWrite';
import { join } from 'node:path';
import type { ExperimentConfig } from '../core/config';
import { ENGINE_VERSION } from '../core/engineVersion';
import { heatmapSvg } from '../core/sweep/heatmap';
import type { SweepPlan, SweepSpec } from '../core/sweep/spec';
import { sweepSpecFromJson } from '../core/sweep/spec';
import type { CellResult } from '../core/sweep/summary';
import { tidyCsv } from '../core/sweep/summary';
import type { NodeBackend } from './backend-node';
import { NODE_BACKENDS } from './backend-node';
import { slug } from './results';
import { RUN_STORE_VERSION } from './runStore';

/** Bump on any change of meaning or layout of sweep.json. */
export const SWEEP_VERSION = 1;

export interface SweepCellFile extends CellResult {
  config: ExperimentConfig;
}

export interface SweepFile {
  version: number;
  /** Every cell's runs finished; false in the file written at the start. */
  complete: boolean;
  versions: { sweep: number; engine: number; runStore: number };
  spec: SweepSpec;
  backend: NodeBackend;
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

/** Writes sweep.json, sweep.csv and the heatmaps; returns the paths written. */
export async function writeSweepFiles(dir: string, file: SweepFile, plan: SweepPlan): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const written = [join(dir, 'sweep.json')];
  await writeAtomically(written[0] as string, `${JSON.stringify(file, null, 1)}\n`);
  if (!file.complete) return written;
  const csv = join(dir, 'sweep.csv');
  await writeAtomically(csv, tidyCsv(plan.spec.axes.map((a) => a.path), file.cells));
  written.push(csv);
  const [baseline, ...others] = file.methods;
  for (const label of others) {
    const svg = heatmapSvg(plan.spec.axes, file.cells, `${label} − ${baseline}`);
    if (svg === null) continue;
    const path = join(dir, `heatmap-${slug(label)}-vs-${slug(baseline ?? '')}.svg`);
    await writeAtomically(path, svg);
    written.push(path);
  }
  return written;
}

/** The spec and backend of DIR/sweep.json (`--resume DIR`), named by path when unusable. */
export async function readSweepSpec(dir: string): Promise<{ spec: SweepSpec; backend: NodeBackend }> {
  const path = join(dir, 'sweep.json');
  let json: Partial<SweepFile>;
  try {
    json = JSON.parse(await readFile(path, 'utf8')) as Partial<SweepFile>;
  } catch (e) {
    throw new Error(`--resume ${dir} is not allowed: ${path} cannot be read as JSON (${e instanceof Error ? e.message : String(e)}); expected the folder of an earlier sweep`);
  }
  if (json.version !== SWEEP_VERSION) throw new Error(`--resume ${dir} is not allowed: ${path} has version ${String(json.version)}, expected ${SWEEP_VERSION}`);
  if (json.backend === undefined || !NODE_BACKENDS.includes(json.backend)) {
    throw new Error(`--resume ${dir} is not allowed: ${path} has backend ${JSON.stringify(json.backend)}, expected one of ${NODE_BACKENDS.join(', ')}`);
  }
  return { spec: sweepSpecFromJson(json.spec, path), backend: json.backend };
}

export const sweepVersions = (): SweepFile['versions'] => ({ sweep: SWEEP_VERSION, engine: ENGINE_VERSION, runStore: RUN_STORE_VERSION });
