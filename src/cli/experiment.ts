/**
 * The headless experiment runner:
 *   npm run experiment -- --preset demo [--steps N] [--seeds 1,2,3] [--set field=value] [--out DIR] […]
 *   npm run experiment -- --resume DIR [--workers N] [--backend …] [--checkpoint-every N] [--save-probes]
 *   npm run experiment -- --help   (every flag with its meaning and default: args.ts's table)
 * Trains every run (method × seed) on a pool of worker threads, prints a method × metric table,
 * the paired differences and their summary on stdout (progress on stderr) and writes
 * DIR/results.json plus one CSV of the loss per run: the plan before any training (so --resume
 * works after a kill -9 before the first seed ends), after each seed whose runs have all finished,
 * at the end, and on SIGINT/SIGTERM (every run stopped at its next step, the interrupted ones
 * marked; exit code 130/143). Each run's checkpoint goes to DIR/checkpoints every N steps, on a
 * stop and at the end (checkpointFiles.ts); `--resume DIR` continues the experiment of
 * DIR/results.json from there (resume.ts) and rewrites the same folder. With --save-probes, a
 * finished experiment also writes each run's probe as a TensorFlow.js graph model to
 * DIR/probes/<run>-seed<N>/ (probeFiles.ts).
 */
import { mkdir } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { applyOverrides } from '../core/configOverride';
import type { ExperimentConfig } from '../core/config';
import { validate } from '../core/validate';
import { withSeeds } from '../core/seedList';
import { folderDataset } from '../core/faces/folderDataset';
import type { FacesSource } from './facesNode';
import { describeFaces, loadFaces } from './facesNode';
import { presetConfig, presetSeeds } from '../core/presets';
import type { ExperimentArgs, ResumeArgs } from './args';
import { EXPERIMENT_COMMAND, FLAG_OF_FIELD, parseRunnerArgs } from './args';
import { helpText } from './flags/help';
import { wantsHelp } from './flags/parse';
import type { NodeBackend } from './backend-node';
import { CHECKPOINT_DIR } from './checkpointFiles';
import { PROBE_DIR, writeProbes } from './probeFiles';
import { ensureNodeGpuAdapter } from './webgpu-node';
import type { PoolResult, RunStart } from './pool/runPool';
import { runPooled } from './pool/runPool';
import { checkOutDir } from './outDir';
import { workerCount } from './workers';
import { ProgressBar } from './progress';
import type { FacesRecord, ResultsFile } from '../core/results/resultsFile';
import { collectResults, interruptedRuns } from '../core/results/resultsFile';
import { planResume } from './resume';
import { ResultsWriter } from './resultsWriter';
import type { StopSignalName } from './stopSignals';
import { exitCodeOf, onStopSignals } from './stopSignals';
import { filesNote, finishExperiment } from './finish';
import { terminalSafeLines } from './terminalSafe';

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

/** After a signal: writes what came back (the plan stays as it is if no run had started) and says what was cut. */
async function stopped(
  name: StopSignalName,
  results: ResultsFile,
  planned: number,
  writer: ResultsWriter,
): Promise<never> {
  const cut = interruptedRuns(results);
  const finished = results.runs.length - cut.length;
  const notStarted = planned - results.runs.length;
  const what = `${finished} of ${planned} runs finished; interrupted: ${cut.length > 0 ? cut.join(', ') : 'none'}; not started: ${notStarted}`;
  if (results.runs.length === 0) {
    process.stderr.write(
      terminalSafeLines(
        `${name}: no run had started; ${join(writer.dir, 'results.json')} holds the plan, --resume ${writer.dir} starts it\n`,
      ),
    );
  } else {
    try {
      const files = await writer.write(results);
      process.stderr.write(
        terminalSafeLines(`${name}: ${filesNote(writer.dir, files)}, complete: ${results.complete}; ${what}\n`),
      );
    } catch (e) {
      process.stderr.write(
        terminalSafeLines(
          `${name}: ${e instanceof Error ? e.message : String(e)}; the files written before it are kept; ${what}\n`,
        ),
      );
    }
  }
  process.exit(exitCodeOf(name));
}

/** --save-probes: each run's probe as a TensorFlow.js graph model in DIR/probes (probeFiles.ts). */
async function saveProbes(out: string, config: ExperimentConfig, seeds: readonly number[]): Promise<void> {
  const { written, skipped } = await writeProbes(out, config, seeds);
  process.stderr.write(
    terminalSafeLines(
      `wrote ${written.length} probes to ${join(out, PROBE_DIR)} (model.json + weights.bin each, for tf.loadGraphModel)\n`,
    ),
  );
  for (const s of skipped) process.stderr.write(terminalSafeLines(`probe not written: ${s}\n`));
}

/** What the pool trains, from the flags or from DIR/results.json. */
interface Experiment {
  /** `seed` is the first planned seed. */
  config: ExperimentConfig;
  seeds: number[];
  backend: NodeBackend;
  workers: number | null;
  out: string;
  checkpointEvery: number | null;
  starts?: (seed: number, run: number) => RunStart;
  /** Wall time of the sessions before this one, s. */
  wallBefore: number;
  faces: FacesSource | null;
}

function newExperiment(args: ExperimentArgs): Experiment {
  let base = presetConfig(args.preset);
  if (args.steps !== null) base.steps = args.steps;
  if (args.evalEvery !== null) base.eval.every = args.evalEvery;
  if (args.smoothEvery !== null) base.analysis.every = args.smoothEvery;
  if (args.sliceEvery !== null) base.analysis.landscapeEvery = args.sliceEvery;
  if (args.methods !== null) base.runs = args.methods;
  base = applyOverrides(base, args.overrides);
  const seeds = args.seeds ?? presetSeeds(args.preset);
  // The seeds were checked by --seeds (or are the preset's): the config is validated once.
  const config = checked(withSeeds(base, seeds), args.preset, args.overrides);
  return {
    config,
    seeds,
    backend: args.backend,
    workers: args.workers,
    out: args.out,
    checkpointEvery: args.checkpointEvery,
    wallBefore: 0,
    faces: args.faces === null ? null : { dir: args.faces, pairs: args.pairs },
  };
}

/** null when DIR/results.json is complete: nothing to train (its probes are written then if asked for). */
async function resumedExperiment(args: ResumeArgs, withProbes: boolean): Promise<Experiment | null> {
  const plan = await planResume(args.dir, args.backend);
  for (const note of plan.notes) process.stderr.write(terminalSafeLines(`${note}\n`));
  process.stderr.write(terminalSafeLines(`${plan.summary}\n`));
  if (plan.done) {
    process.stderr.write(terminalSafeLines(`nothing to resume: ${args.dir}/results.json is complete\n`));
    // A finished folder still gets its probes: they come from the checkpoints already there.
    if (withProbes) await saveProbes(args.dir, plan.results.config, plan.results.plannedSeeds);
    return null;
  }
  const { results } = plan;
  const seedIndex = new Map(results.plannedSeeds.map((s, i) => [s, i]));
  return {
    config: results.config,
    seeds: results.plannedSeeds,
    backend: plan.backend,
    workers: args.workers,
    out: args.dir,
    checkpointEvery: args.checkpointEvery,
    starts: (seed, run) => plan.starts[seedIndex.get(seed) ?? -1]?.[run] ?? { kind: 'fresh' },
    wallBefore: results.pool.wallSeconds,
    faces: results.faces ? { dir: results.faces.folder, pairs: results.faces.pairsFile } : null,
  };
}

/**
 * `--faces`: decodes the folder once into the cache every worker then reads, prints what was
 * found and skipped, and cuts every seed's split now so a folder too small for the config fails
 * before any training, naming the --set to change.
 */
async function prepareFaces(
  source: FacesSource,
  config: ExperimentConfig,
  seeds: readonly number[],
): Promise<FacesRecord> {
  const bar = new ProgressBar('faces', 1);
  const loaded = await loadFaces(source, config.data, undefined, (done, total) =>
    bar.update(done, 'images decoded', total),
  );
  process.stderr.write(terminalSafeLines(`${describeFaces(loaded)}\n`));
  for (const seed of seeds) {
    try {
      folderDataset(loaded.pool, loaded.pairs, config.data, seed);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      // Only a config field out of the folder's range is changed with --set; a folder that cannot train at all is not.
      const field = /^(data\.\w+) is /.exec(message)?.[1];
      throw new Error(
        `--faces ${source.dir}: ${message}${field === undefined ? '' : ` Change it with --set, e.g. --set ${field}=…`}`,
      );
    }
  }
  return {
    folder: source.dir,
    pairsFile: loaded.pairsFile,
    key: loaded.listing.key,
    identities: loaded.pool.names.length,
    images: loaded.pool.paths.length,
    pairsFormat: loaded.pairs?.format ?? null,
  };
}

async function main(): Promise<void> {
  if (wantsHelp(process.argv.slice(2))) {
    process.stdout.write(helpText(EXPERIMENT_COMMAND));
    return;
  }
  const parsed = parseRunnerArgs(process.argv.slice(2));
  const exp =
    parsed.kind === 'new' ? newExperiment(parsed.args) : await resumedExperiment(parsed.args, parsed.saveProbes);
  if (exp === null) return;
  const { config, seeds, out } = exp;
  await checkOutDir(out);
  await mkdir(join(out, CHECKPOINT_DIR), { recursive: true });
  if (exp.backend === 'webgpu') {
    const adapter = await ensureNodeGpuAdapter();
    process.stderr.write(
      terminalSafeLines(
        `WebGPU adapter: ${adapter.description} (${adapter.vendor}, ${adapter.architecture}${adapter.software ? ', software' : ''})\n`,
      ),
    );
  }
  const runs = seeds.length * config.runs.length;
  // One GPU is one device: its workers would queue on it, so webgpu defaults to one worker.
  const { used: workers, note } = workerCount(
    exp.workers,
    exp.backend === 'webgpu',
    availableParallelism(),
    seeds.length,
    runs,
  );
  if (note !== null) process.stderr.write(terminalSafeLines(`${note}\n`));
  process.stderr.write(
    terminalSafeLines(`${runs} runs (${config.runs.length} methods × ${seeds.length} seeds) on ${workers} workers\n`),
  );
  const faces = exp.faces === null ? null : await prepareFaces(exp.faces, config, seeds);
  const bar = new ProgressBar('train', runs * config.steps);
  const collect = (p: PoolResult): ResultsFile => {
    const results = collectResults(
      config,
      seeds,
      p.seeds,
      p.backend,
      { workers: p.workers, wallSeconds: exp.wallBefore + p.wallSeconds },
      p.complete,
    );
    return faces === null ? results : { ...results, faces };
  };
  const writer = new ResultsWriter(out);
  // The plan first, before any training: a runner killed (kill -9, out of memory) before its first
  // seed finishes still leaves a results.json that --resume reads, with the checkpoints beside it.
  if (parsed.kind === 'new') {
    try {
      await writer.write(collect({ seeds: [], complete: false, backend: exp.backend, workers, wallSeconds: 0 }));
    } catch (e) {
      throw new Error(`before training, the plan could not be written: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  const stop = onStopSignals((name) =>
    bar.note(
      `${name}: stopping every run at its next step to write what it has (${name} again quits at once, without it)`,
    ),
  );
  const pooled = await runPooled(config, seeds, {
    backend: exp.backend,
    workers,
    workerUrl: new URL('./run-worker.js', import.meta.url),
    signal: stop.signal,
    checkpoints: { out, every: exp.checkpointEvery ?? (config.eval.every > 0 ? config.eval.every : 100) },
    ...(exp.starts ? { starts: exp.starts } : {}),
    ...(exp.faces ? { faces: exp.faces } : {}),
    onProgress: (p) =>
      bar.update(
        p.steps[0],
        `steps · faces ${p.datasets[0]}/${p.datasets[1]} · runs ${p.runs[0]}/${p.runs[1]}`,
        p.steps[1],
      ),
    onSeed: (seed, finished) => {
      // The file of the last seed is the complete one, written below with the final wall time.
      if (finished.complete) return;
      writer.write(collect(finished)).then(
        (files) => bar.note(`seed ${seed} finished: ${filesNote(out, files)}`),
        (e: unknown) =>
          bar.note(
            `seed ${seed} finished, but its results could not all be written: ${e instanceof Error ? e.message : String(e)}`,
          ),
      );
    },
    onWarning: (message) => bar.note(message),
  });
  const results = collect(pooled);
  const signal = stop.received();
  if (signal !== null) await stopped(signal, results, runs, writer);
  process.exitCode = await finishExperiment(
    results,
    out,
    `${pooled.wallSeconds.toFixed(1)} s wall on ${pooled.workers} workers`,
    {
      write: (r) => writer.write(r),
      ...(parsed.saveProbes ? { after: () => saveProbes(out, config, seeds) } : {}),
      stdout: (text) => process.stdout.write(terminalSafeLines(text)),
      stderr: (text) => process.stderr.write(terminalSafeLines(text)),
    },
  );
}

main().catch((e: unknown) => {
  process.stderr.write(terminalSafeLines(`${e instanceof Error ? e.message : String(e)}\n`));
  process.exit(1);
});
