/**
 * npm run bench:torch [-- --preset NAME] [--steps N] [--methods LIST] (--help: every flag): one training step of each
 * run of a preset in our engine on the wasm backend (single-threaded, as the runner uses it)
 * against the same experiment exported with export-torch and trained by PyTorch on the CPU, with
 * 1 thread and with every core, measured side by side in one run. Prints a table with the ratios
 * and writes bench/torch-results.json. Timings only: correctness is exportTorch.test.ts's job.
 */
import { spawnSync } from 'node:child_process';
import { availableParallelism, tmpdir } from 'node:os';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runLabel } from '../core/config';
import type { ExperimentConfig } from '../core/config';
import { convImplFor } from '../core/model/conv';
import * as tf from '../core/tf';
import { Comparison } from '../core/train/comparison';
import { useNodeBackend } from './backend-node';
import { loadOrGenerateDataset } from './dataset-cache-node';
import { exportConfig, exportTorchProject } from './exportTorch';
import { BENCH_TORCH_COMMAND, WARMUP } from './benchTorchArgs';
import type { ExportTorchArgs } from './exportTorchArgs';
import { helpText } from './flags/help';
import { parseFlags, wantsHelp } from './flags/parse';
import type { ResultsFile } from '../core/results/resultsFile';
import { torchPython } from './torchPython';
import { terminalSafeLines } from './terminalSafe';

async function ours(config: ExperimentConfig): Promise<number[]> {
  const backend = await useNodeBackend('wasm');
  const dataset = await loadOrGenerateDataset(config.data, config.seed);
  const cmp = new Comparison(config, dataset, convImplFor(backend));
  try {
    let before: number[] = [];
    for (let t = 0; t < config.steps; t++) {
      if (t === WARMUP) before = [...cmp.stepMsTotal];
      const losses = cmp.stepAll();
      await Promise.all(losses.map((l) => l.data()));
      tf.dispose(losses);
    }
    return cmp.stepMsTotal.map((ms, i) => (ms - (before[i] ?? 0)) / (config.steps - WARMUP));
  } finally {
    cmp.dispose();
  }
}

/** Mean ms per training step of each run of the exported project, trained by PyTorch on the CPU. */
async function torchMs(python: string, dir: string, threads: number): Promise<number[]> {
  const out = join(dir, `bench-${threads}.json`);
  const r = spawnSync(python, ['train.py', '--device', 'cpu', '--threads', String(threads), '--out', out], {
    cwd: dir,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`train.py exited ${r.status}: ${r.stderr}`);
  const results = JSON.parse(await readFile(out, 'utf8')) as ResultsFile;
  return results.runs.map((run) => run.msPerStep);
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (wantsHelp(argv)) {
    process.stdout.write(helpText(BENCH_TORCH_COMMAND));
    return;
  }
  const { values: v } = parseFlags(BENCH_TORCH_COMMAND, argv);
  const python = torchPython();
  if (python === null)
    throw new Error('bench:torch needs a python3 with PyTorch (apt-get install python3-torch, or set MASST_PYTHON)');
  const dir = join(await mkdtemp(join(tmpdir(), 'masst-bench-torch-')), 'project');
  const args: ExportTorchArgs = {
    preset: v['--preset'],
    steps: v['--steps'],
    seeds: v['--seeds'],
    methods: v['--methods'],
    evalEvery: 0,
    overrides: v['--set'],
    out: dir,
    withReference: false,
    referenceSteps: 5,
    lists: null,
  };
  const { config } = exportConfig(args);
  if (config.steps <= WARMUP)
    throw new Error(`--steps ${config.steps} is not allowed: expected more than the ${WARMUP} warm-up steps`);
  await useNodeBackend('cpu');
  await exportTorchProject(args, 'bench:torch', 'im2col');
  const wasm = await ours(config);
  const cores = availableParallelism();
  const one = await torchMs(python, dir, 1);
  const all = await torchMs(python, dir, cores);
  const rows = config.runs.map((run, i) => ({
    run: runLabel(run),
    wasmMs: wasm[i] as number,
    torch1Ms: one[i] as number,
    torchAllMs: all[i] as number,
  }));
  const lines = [
    `preset ${args.preset}: ${config.steps} steps of batch ${config.batchSize}, ${config.data.imageSize} px, ${config.model.backbone} backbone; ms per training step (our wasm after ${WARMUP} warm-up steps; PyTorch ${python} on the CPU, mean over all steps)`,
    `${'run'.padEnd(14)}${'wasm'.padStart(10)}${'torch 1 thr'.padStart(13)}${`torch ${cores} thr`.padStart(13)}${'wasm / torch 1'.padStart(16)}${`wasm / torch ${cores}`.padStart(16)}`,
    ...rows.map(
      (r) =>
        `${r.run.padEnd(14)}${r.wasmMs.toFixed(1).padStart(10)}${r.torch1Ms.toFixed(1).padStart(13)}${r.torchAllMs.toFixed(1).padStart(13)}${(r.wasmMs / r.torch1Ms).toFixed(2).padStart(16)}${(r.wasmMs / r.torchAllMs).toFixed(2).padStart(16)}`,
    ),
  ];
  process.stdout.write(terminalSafeLines(`${lines.join('\n')}\n`));
  await mkdir('bench', { recursive: true });
  await writeFile(
    'bench/torch-results.json',
    `${JSON.stringify({ preset: args.preset, config, cores, python, rows }, null, 1)}\n`,
  );
}

main().catch((e: unknown) => {
  process.stderr.write(terminalSafeLines(`${e instanceof Error ? e.message : String(e)}\n`));
  process.exit(1);
});
