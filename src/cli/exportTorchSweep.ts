/**
 * `npm run export-torch -- --sweep FILE --out DIR`: a whole sweep as one PyTorch project
 * (core/export/torchSweep.ts, torchSweepProject.ts). FILE is either a sweep spec (what `npm run
 * sweep -- --spec` takes: preset, set, axes, methods, seeds) or a sweep.json that `npm run sweep`
 * (or an exported sweep's run_sweep.py) wrote, of which only the spec is used: it is told apart
 * by its `version` and `spec` keys. Every problem is named before anything is written.
 */
import { endianness } from 'node:os';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { FaceDataset } from '../core/data/types';
import { torchSweep, torchSweepPlanFile } from '../core/export/torchSweep';
import { torchSweepProjectFiles } from '../core/export/torchSweepProject';
import { SWEEP_VERSION } from '../core/sweep/file';
import type { SweepSpec } from '../core/sweep/spec';
import { sweepSpecFromJson } from '../core/sweep/spec';
import { loadOrGenerateDataset } from './dataset-cache-node';
import type { ExportTorchSweepArgs } from './exportTorchArgs';
import { SWEEP_FILE_ALLOWED as ALLOWED } from './exportTorchArgs';
import { checkOutDir } from './outDir';
import { sweepVersions } from './sweepFiles';

/** The spec a --sweep file holds, or an Error naming the file, what is wrong and what is allowed. */
export async function readSweepFileSpec(path: string): Promise<SweepSpec> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    const why =
      (e as NodeJS.ErrnoException).code === 'ENOENT'
        ? 'no such file'
        : (e as NodeJS.ErrnoException).code === 'EISDIR'
          ? 'it is a folder'
          : 'it cannot be read';
    throw new Error(`--sweep "${path}" is not allowed: ${why}; expected ${ALLOWED}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new Error(
      `--sweep "${path}" is not allowed: it is not JSON (${e instanceof Error ? e.message : String(e)}); expected ${ALLOWED}`,
    );
  }
  const o = json as Record<string, unknown> | null;
  if (o !== null && typeof o === 'object' && !Array.isArray(o) && 'version' in o && 'spec' in o) {
    if (o.version !== SWEEP_VERSION) {
      throw new Error(
        `--sweep "${path}" is not allowed: it is a sweep.json of version ${JSON.stringify(o.version)}; this build reads version ${SWEEP_VERSION} (or a sweep spec)`,
      );
    }
    return sweepSpecFromJson(o.spec, `${path} (its spec)`);
  }
  return sweepSpecFromJson(json, path);
}

/** Writes the sweep's project to args.out; returns the paths written. */
export async function exportTorchSweep(
  args: ExportTorchSweepArgs,
  origin: string,
  log: (line: string) => void = () => {},
): Promise<string[]> {
  if (endianness() !== 'LE') throw new Error('export-torch writes little-endian arrays and this machine is big-endian');
  const sweep = torchSweep(await readSweepFileSpec(args.sweep));
  for (const note of sweep.plan.notes) log(`note: ${note}`);
  await checkOutDir(args.out);
  const seeds = sweep.plan.spec.seeds;
  const datasets: Array<Map<number, FaceDataset>> = [];
  for (const group of sweep.dataGroups) {
    const bySeed = new Map<number, FaceDataset>();
    for (const seed of seeds) {
      log(
        `dataset of seed ${seed}: ${group.data.trainIds} + ${group.data.testIds} identities at ${group.data.imageSize} px (cells ${group.cells.join(', ')})`,
      );
      bySeed.set(seed, await loadOrGenerateDataset(group.data, seed));
    }
    datasets.push(bySeed);
  }
  const planFile = torchSweepPlanFile(sweep, sweepVersions());
  const written: string[] = [];
  for (const f of torchSweepProjectFiles({ sweep, planFile, datasets, origin })) {
    const path = join(args.out, f.path);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, f.data);
    written.push(path);
  }
  log(
    `${planFile.cells.length} cells, ${planFile.runs.grid} runs in the grid, ${planFile.runs.distinct} distinct by run key`,
  );
  return written;
}
