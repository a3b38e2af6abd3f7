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
import { ENGINE_VERSION } from '../core/engineVersion';
import type { SweepFile } from '../core/sweep/file';
import { SWEEP_VERSION } from '../core/sweep/file';
import { heatmapSvg } from '../core/sweep/heatmap';
import type { SweepPlan, SweepSpec } from '../core/sweep/spec';
import { sweepSpecFromJson } from '../core/sweep/spec';
import { tidyCsv } from '../core/sweep/summary';
import type { NodeBackend } from './backend-node';
import { NODE_BACKENDS } from './backend-node';
import { slug } from './results';
import { RUN_STORE_VERSION } from './runStore';

export type { SweepCellFile, SweepFile } from '../core/sweep/file';
export { SWEEP_VERSION } from '../core/sweep/file';

/** Writes sweep.json, sweep.csv and the heatmaps; returns the paths written. */
export async function writeSweepFiles(dir: string, file: SweepFile, plan: SweepPlan): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const written = [join(dir, 'sweep.json')];
  await writeAtomically(written[0] as string, `${JSON.stringify(file, null, 1)}\n`);
  if (!file.complete) return written;
  const csv = join(dir, 'sweep.csv');
  await writeAtomically(
    csv,
    tidyCsv(
      plan.spec.axes.map((a) => a.path),
      file.cells,
    ),
  );
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
    throw new Error(
      `--resume ${dir} is not allowed: ${path} cannot be read as JSON (${e instanceof Error ? e.message : String(e)}); expected the folder of an earlier sweep`,
    );
  }
  if (json.version !== SWEEP_VERSION)
    throw new Error(
      `--resume ${dir} is not allowed: ${path} has version ${String(json.version)}, expected ${SWEEP_VERSION}`,
    );
  if (json.source === 'pytorch') {
    throw new Error(
      `--resume ${dir} is not allowed: ${path} was trained by the exported PyTorch project (source: "pytorch"); --resume continues only sweeps of npm run sweep. ` +
        'Run python3 run_sweep.py in that project again to finish it there, or npm run sweep -- --spec with its spec to train it here.',
    );
  }
  const backend = NODE_BACKENDS.find((b) => b === json.backend);
  if (backend === undefined) {
    throw new Error(
      `--resume ${dir} is not allowed: ${path} has backend ${JSON.stringify(json.backend)}, expected one of ${NODE_BACKENDS.join(', ')} (a page's webgl sweep cannot be resumed in Node)`,
    );
  }
  return { spec: sweepSpecFromJson(json.spec, path), backend };
}

export const sweepVersions = (): SweepFile['versions'] => ({
  sweep: SWEEP_VERSION,
  engine: ENGINE_VERSION,
  runStore: RUN_STORE_VERSION,
});
