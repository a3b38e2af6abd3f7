/**
 * The headless experiment runner:
 *   npm run experiment -- --preset smoke [--steps N] [--seeds 1,2,3] [--backend wasm|cpu] [--out DIR]
 * Trains the preset's runs in lock-step for each seed, prints a method × metric table on stdout
 * (progress on stderr) and writes DIR/results.json plus one CSV of the loss per run.
 */
import { assertValid } from '../core/validate';
import { presetConfig } from '../core/presets';
import { parseExperimentArgs } from './args';
import { useNodeBackend } from './backend-node';
import { collectResults, smoothnessTable, summaryTable, writeResults } from './results';
import type { SeedResult } from './runSeed';
import { runSeed } from './runSeed';

async function main(): Promise<void> {
  const args = parseExperimentArgs(process.argv.slice(2));
  const base = presetConfig(args.preset);
  if (args.steps !== null) base.steps = args.steps;
  if (args.evalEvery !== null) base.eval.every = args.evalEvery;
  const backend = await useNodeBackend(args.backend);
  const seeds: SeedResult[] = [];
  for (const seed of args.seeds) {
    const config = assertValid({ ...base, seed });
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
