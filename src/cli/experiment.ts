/**
 * The headless experiment runner:
 *   npm run experiment -- --preset demo [--steps N] [--seeds 1,2,3] [--backend wasm|cpu|webgpu]
 *     [--eval-every N] [--probe-every N] [--slice-every N] [--workers N] [--methods …] [--set field=value] [--out DIR]
 * Trains every run (method × seed) on a pool of worker threads, prints a method × metric table,
 * the paired differences and their summary on stdout (progress on stderr) and writes
 * DIR/results.json plus one CSV of the loss per run.
 */
import { availableParallelism } from 'node:os';
import { applyOverride } from '../core/configOverride';
import type { ExperimentConfig } from '../core/config';
import { validate } from '../core/validate';
import { presetConfig, presetSeeds } from '../core/presets';
import { FLAG_OF_FIELD, parseExperimentArgs } from './args';
import { ensureNodeGpuAdapter } from './webgpu-node';
import { runPooled } from './pool/runPool';
import { checkOutDir } from './outDir';
import { ProgressBar } from './progress';
import { collectResults, pairedTable, smoothnessTable, summaryTable, writeResults } from './results';

/** The config, or throws an Error listing every problem with the flag that sets each field. */
function checked(config: ExperimentConfig, preset: string, overrides: readonly string[]): ExperimentConfig {
  const issues = validate(config);
  if (issues.length === 0) return config;
  const source = (field: string): string => {
    const set = [...overrides].reverse().find((o) => o.startsWith(`${field}=`));
    if (set !== undefined) return `set with --set ${set}`;
    return FLAG_OF_FIELD[field] !== undefined ? `set with ${FLAG_OF_FIELD[field]}` : `from --preset ${preset}`;
  };
  const lines = issues.map((i) => `  - ${i.message} (${source(i.field)})`);
  throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
}

async function main(): Promise<void> {
  const args = parseExperimentArgs(process.argv.slice(2));
  let base = presetConfig(args.preset);
  if (args.steps !== null) base.steps = args.steps;
  if (args.evalEvery !== null) base.eval.every = args.evalEvery;
  if (args.probeEvery !== null) base.analysis.every = args.probeEvery;
  if (args.sliceEvery !== null) base.analysis.landscapeEvery = args.sliceEvery;
  if (args.methods !== null) base.runs = args.methods;
  for (const o of args.overrides) {
    if (o.startsWith('seed=')) throw new Error(`--set ${o} is not allowed: the seeds are set with --seeds (e.g. --seeds ${o.slice(5)})`);
    base = applyOverride(base, o);
  }
  const seeds = args.seeds ?? presetSeeds(args.preset);
  for (const seed of seeds) checked({ ...base, seed }, args.preset, args.overrides);
  await checkOutDir(args.out);
  if (args.backend === 'webgpu') {
    const adapter = await ensureNodeGpuAdapter();
    process.stderr.write(`WebGPU adapter: ${adapter.description} (${adapter.vendor}, ${adapter.architecture}${adapter.software ? ', software' : ''})\n`);
  }
  // One GPU is one device: its workers would queue on it, so webgpu defaults to one worker.
  const workers = args.workers ?? (args.backend === 'webgpu' ? 1 : availableParallelism());
  const runs = seeds.length * base.runs.length;
  process.stderr.write(`${runs} runs (${base.runs.length} methods × ${seeds.length} seeds) on ${Math.min(workers, runs + seeds.length)} workers\n`);
  const bar = new ProgressBar('train', runs * base.steps);
  const pooled = await runPooled({ ...base, seed: seeds[0] ?? base.seed }, seeds, {
    backend: args.backend,
    workers,
    workerUrl: new URL('./run-worker.js', import.meta.url),
    onProgress: (p) => bar.update(p.steps[0], `steps · faces ${p.datasets[0]}/${p.datasets[1]} · runs ${p.runs[0]}/${p.runs[1]}`, p.steps[1]),
  });
  const results = collectResults({ ...base, seed: seeds[0] ?? base.seed }, pooled.seeds, pooled.backend, { workers: pooled.workers, wallSeconds: pooled.wallSeconds }, pooled.complete);
  const files = await writeResults(args.out, results);
  process.stdout.write(`${summaryTable(results)}\n\n${pairedTable(results)}\n\n${results.summary}\n`);
  if (base.analysis.every > 0) process.stdout.write(`\n${smoothnessTable(results)}\n`);
  process.stderr.write(`${pooled.wallSeconds.toFixed(1)} s wall on ${pooled.workers} workers; wrote ${files.length} files to ${args.out} (results.json, ${files.length - 1} CSV)\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
