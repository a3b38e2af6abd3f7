/**
 * The headless experiment runner:
 *   npm run experiment -- --preset smoke [--steps N] [--seeds 1,2,3] [--backend wasm|cpu|webgpu]
 *     [--eval-every N] [--probe-every N] [--slice-every N] [--out DIR]
 * Trains the preset's runs in lock-step for each seed, prints a method × metric table on stdout
 * (progress on stderr) and writes DIR/results.json plus one CSV of the loss per run.
 */
import type { ExperimentConfig } from '../core/config';
import { validate } from '../core/validate';
import { presetConfig } from '../core/presets';
import { FLAG_OF_FIELD, parseExperimentArgs } from './args';
import { useNodeBackend } from './backend-node';
import { ensureNodeGpuAdapter } from './webgpu-node';
import { collectResults, smoothnessTable, summaryTable, writeResults } from './results';
import type { SeedResult } from './runSeed';
import { runSeed } from './runSeed';

/** The config, or throws an Error listing every problem with the flag that sets each field. */
function checked(config: ExperimentConfig, preset: string): ExperimentConfig {
  const issues = validate(config);
  if (issues.length === 0) return config;
  const lines = issues.map((i) => `  - ${i.message} (${FLAG_OF_FIELD[i.field] !== undefined ? `set with ${FLAG_OF_FIELD[i.field]}` : `from --preset ${preset}`})`);
  throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
}

async function main(): Promise<void> {
  const args = parseExperimentArgs(process.argv.slice(2));
  const base = presetConfig(args.preset);
  if (args.steps !== null) base.steps = args.steps;
  if (args.evalEvery !== null) base.eval.every = args.evalEvery;
  if (args.probeEvery !== null) base.analysis.every = args.probeEvery;
  if (args.sliceEvery !== null) base.analysis.landscapeEvery = args.sliceEvery;
  checked(base, args.preset);
  if (args.backend === 'webgpu') {
    const adapter = await ensureNodeGpuAdapter();
    process.stderr.write(`WebGPU adapter: ${adapter.description} (${adapter.vendor}, ${adapter.architecture}${adapter.software ? ', software' : ''})\n`);
  }
  const backend = await useNodeBackend(args.backend);
  const seeds: SeedResult[] = [];
  for (const seed of args.seeds) {
    const config = checked({ ...base, seed }, args.preset);
    seeds.push(await runSeed(config, backend));
  }
  const results = collectResults({ ...base, seed: args.seeds[0] ?? base.seed }, seeds, backend);
  const files = await writeResults(args.out, results);
  process.stdout.write(`${summaryTable(results)}\n`);
  if (base.analysis.every > 0) process.stdout.write(`\n${smoothnessTable(results)}\n`);
  process.stderr.write(`wrote ${files.length} files to ${args.out} (results.json, ${files.length - 1} CSV)\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
