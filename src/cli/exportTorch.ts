/**
 * Writes a PyTorch project for an experiment (src/core/export/torchProject.ts): the config from a
 * preset and the runner's flags, the synthetic dataset of each seed (or real-data lists) and, by
 * default, the playground's first steps on the active tfjs backend as the reference.
 */
import { endianness } from 'node:os';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { ExperimentConfig } from '../core/config';
import { applyOverrides } from '../core/configOverride';
import type { FaceDataset } from '../core/data/types';
import { computeReference } from '../core/export/torchReference';
import type { TorchProjectInput } from '../core/export/torchProject';
import { torchProjectFiles } from '../core/export/torchProject';
import { torchExportProblems, withoutAnalysis } from '../core/export/torchSupport';
import type { ConvImpl } from '../core/model/conv';
import { presetConfig, presetSeeds } from '../core/presets';
import { validate } from '../core/validate';
import { withSeeds } from '../core/seedList';
import { loadOrGenerateDataset } from './dataset-cache-node';
import type { ExportTorchArgs } from './exportTorchArgs';
import { checkOutDir } from './outDir';
import { shellWord } from './shellWord';

/** The command line of an export, for the project's README: every argument a shell word, so a copy of it runs what ran. */
export function exportOrigin(argv: readonly string[]): string {
  return `npm run export-torch -- ${argv.map(shellWord).join(' ')}`;
}

/** What to type after an export: `out` quoted, so pasting the line cannot run what the folder name holds (`$(…)`, backticks). */
export function nextCommand(out: string): string {
  return `cd ${shellWord(out)} && python3 train.py`;
}

/** What to type after a sweep's export, quoted as nextCommand quotes. */
export function nextSweepCommand(out: string): string {
  return `cd ${shellWord(out)} && python3 run_sweep.py --parallel 2`;
}

/** The experiment the flags describe (seed = the first seed), or an Error naming every problem. */
export function exportConfig(args: ExportTorchArgs): { config: ExperimentConfig; seeds: number[] } {
  let c = withoutAnalysis(presetConfig(args.preset));
  if (args.steps !== null) c.steps = args.steps;
  if (args.evalEvery !== null) c.eval.every = args.evalEvery;
  if (args.methods !== null) c.runs = args.methods;
  c = applyOverrides(c, args.overrides);
  const seeds = args.seeds ?? presetSeeds(args.preset);
  const config = withSeeds(c, seeds);
  const problems = [...validate(config).map((i) => i.message), ...torchExportProblems(config)];
  if (problems.length > 0)
    throw new Error(`Cannot export this experiment:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  return { config, seeds };
}

async function readText(flag: string, path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    throw new Error(
      `${flag} "${path}" is not allowed: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : 'it cannot be read'}, expected a readable list file`,
    );
  }
}

async function projectData(
  args: ExportTorchArgs,
  config: ExperimentConfig,
  seeds: number[],
  log: (line: string) => void,
): Promise<TorchProjectInput['data']> {
  if (args.lists !== null) {
    const l = args.lists;
    return {
      kind: 'image-list',
      lists: {
        root: resolve(l.root),
        trainList: await readText('--train-list', l.trainList),
        testList: await readText('--test-list', l.testList),
        pairs: await readText('--pairs', l.pairs),
      },
    };
  }
  const datasets = new Map<number, FaceDataset>();
  for (const seed of seeds) {
    log(
      `dataset of seed ${seed}: ${config.data.trainIds} + ${config.data.testIds} identities at ${config.data.imageSize} px`,
    );
    datasets.set(seed, await loadOrGenerateDataset(config.data, seed));
  }
  return { kind: 'arrays', datasets };
}

/**
 * Writes the project to args.out; returns the paths written. The reference runs on whatever tfjs
 * backend is active (the CLI sets cpu, the bit-exact one) with the given conv implementation.
 */
export async function exportTorchProject(
  args: ExportTorchArgs,
  origin: string,
  impl: ConvImpl,
  log: (line: string) => void = () => {},
): Promise<string[]> {
  if (endianness() !== 'LE') throw new Error('export-torch writes little-endian arrays and this machine is big-endian');
  const { config, seeds } = exportConfig(args);
  await checkOutDir(args.out);
  const data = await projectData(args, config, seeds, log);
  let reference = null;
  if (args.withReference && data.kind === 'arrays') {
    const steps = Math.min(args.referenceSteps, config.steps);
    log(`reference: the playground's first ${steps} steps of seed ${config.seed}`);
    reference = await computeReference(config, data.datasets.get(config.seed) as FaceDataset, impl, steps);
  }
  const files = torchProjectFiles({ config, seeds, data, reference, origin });
  const written: string[] = [];
  for (const f of files) {
    const path = join(args.out, f.path);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, f.data);
    written.push(path);
  }
  return written;
}
