/**
 * The sweep runner:
 *   npm run sweep -- --preset demo --axis masst.agentAlpha=shared,horizonMatched
 *     --methods sst,masst2,masst4 --seeds 1,2,3 [--set field=value …] [--backend wasm|cpu|webgpu]
 *     [--workers N] [--out DIR] [--store DIR]
 *   npm run sweep -- --spec sweep.json [...]      npm run sweep -- --resume DIR [--workers N]
 *   npm run sweep -- --help   (every flag with its meaning and default: sweepArgs.ts's table)
 * Expands the grid (core/sweep/spec.ts, every problem named before anything trains), gives each
 * cell × method × seed its run key and trains each distinct run once (a method that reads no axis
 * trains once per seed for the whole grid), taking finished runs from the run store
 * (.cache/runs, runStore.ts) and storing each new one as it finishes, on the runner's worker pool.
 * Ctrl-C stops the runs at their next step; the finished ones are in the store, so running the
 * same sweep again (or --resume DIR) trains only the rest. Writes DIR/sweep.json, sweep.csv and
 * the heatmaps (sweepFiles.ts), prints the pairs sorted by effect on stdout, progress on stderr.
 */
import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { canonicalJson } from '../core/data/cache';
import type { EvalReport } from '../core/eval/report';
import type { SweepSlot } from '../core/sweep/distinctRuns';
import { distinctRuns, slotConfig } from '../core/sweep/distinctRuns';
import type { SweepPlan, SweepSpec } from '../core/sweep/spec';
import { expandSweep, sweepSpecFromJson } from '../core/sweep/spec';
import type { CellResult } from '../core/sweep/summary';
import { effectTable } from '../core/sweep/summary';
import { cellsDone, summarizeCells, sweepFileOf } from '../core/sweep/assemble';
import { runKeyInput } from '../core/sweep/runKey';
import type { NodeBackend } from './backend-node';
import { checkOutDir } from './outDir';
import type { RunStart } from './pool/runPool';
import { runPooled } from './pool/runPool';
import { ProgressBar } from './progress';
import { RUN_STORE_VERSION, RunStore } from './runStore';
import type { SweepArgs } from './sweepArgs';
import { parseSweepArgs, SWEEP_COMMAND } from './sweepArgs';
import { helpText } from './flags/help';
import { wantsHelp } from './flags/parse';
import type { SweepFile } from './sweepFiles';
import { readSweepSpec, writeSweepFiles } from './sweepFiles';
import type { StopSignalName } from './stopSignals';
import { exitCodeOf, onStopSignals } from './stopSignals';
import type { RunResult } from '../core/results/resultsFile';
import { terminalSafeLines } from './terminalSafe';
import { ensureNodeGpuAdapter } from './webgpu-node';

// Paths, axis values and error messages quote what the user typed or a file held: escaped (terminalSafe.ts).
const err = (text: string): void => void process.stderr.write(terminalSafeLines(text));
const print = (text: string): void => void process.stdout.write(terminalSafeLines(text));

interface Finished {
  run: RunResult;
  untrained: EvalReport;
  seconds: number;
  reused: boolean;
}

interface Resolved {
  spec: SweepSpec;
  backend: NodeBackend;
  out: string;
}

async function resolve(args: SweepArgs): Promise<Resolved> {
  switch (args.kind) {
    case 'flags':
      return { spec: args.spec, backend: args.backend, out: args.out };
    case 'file': {
      let json: unknown;
      try {
        json = JSON.parse(await readFile(args.file, 'utf8'));
      } catch (e) {
        throw new Error(
          `--spec ${args.file} is not allowed: it cannot be read as JSON (${e instanceof Error ? e.message : String(e)}); expected a sweep spec`,
        );
      }
      return { spec: sweepSpecFromJson(json, args.file), backend: args.backend, out: args.out };
    }
    case 'resume':
      return { ...(await readSweepSpec(args.dir)), out: args.dir };
  }
}

const mb = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(1)} MB`;

/** The slots grouped by data config: a pool makes one dataset per seed, so one pool per group. */
function dataGroups(plan: SweepPlan, slots: readonly SweepSlot[]): SweepSlot[][] {
  const groups = new Map<string, SweepSlot[]>();
  for (const slot of slots) {
    const key = canonicalJson(plan.cells[slot.cell]?.config.data);
    groups.set(key, [...(groups.get(key) ?? []), slot]);
  }
  return [...groups.values()];
}

async function stopped(
  name: StopSignalName,
  trained: number,
  left: number,
  store: RunStore,
  out: string,
): Promise<never> {
  err(
    `${name}: ${trained} runs finished in this sweep and are in the run store (${store.dir}); ${left} not finished. ` +
      `Run the same command again, or npm run sweep -- --resume ${out}, to train only those.\n`,
  );
  process.exit(exitCodeOf(name));
}

/** The finished runs the store already has, by key. */
async function loadStored(store: RunStore, slots: readonly SweepSlot[]): Promise<Map<string, Finished>> {
  const done = new Map<string, Finished>();
  for (const key of slots.flatMap((s) => s.keys)) {
    const stored = await store.get(key);
    if (stored) done.set(key, { run: stored.run, untrained: stored.untrained, seconds: stored.seconds, reused: true });
  }
  return done;
}

interface Training {
  plan: SweepPlan;
  slots: readonly SweepSlot[];
  cellSlots: ReadonlyArray<readonly number[]>;
  /** Filled as runs finish (reused ones already in it). */
  done: Map<string, Finished>;
  store: RunStore;
  backend: NodeBackend;
  workers: number;
  signal: AbortSignal;
  bar: ProgressBar;
}

/**
 * Trains every distinct run the store lacks, one pool per data setting, storing each as it
 * finishes; returns how many finished. A stop ends the runs at their next step.
 */
async function trainMissing(t: Training): Promise<number> {
  const { plan, slots, done, store, backend } = t;
  const seeds = plan.spec.seeds;
  const toTrain = slots.reduce((n, s) => n + s.keys.filter((k) => !done.has(k)).length, 0);
  const trainSteps = (group: readonly SweepSlot[]): number =>
    group.reduce(
      (n, slot) => n + slot.keys.filter((k) => !done.has(k)).length * slotConfig(plan, slot, seeds[0] as number).steps,
      0,
    );
  const groups = dataGroups(plan, slots).map((g) => ({ slots: g, steps: trainSteps(g) }));
  const totalSteps = groups.reduce((n, g) => n + g.steps, 0);
  const writes: Array<Promise<void>> = [];
  let trained = 0;
  let stepsBefore = 0;
  for (const group of groups.filter((g) => g.steps > 0)) {
    const slotAt = (i: number): SweepSlot => group.slots[i] as SweepSlot;
    const keyOf = (seed: number, i: number): string => slotAt(i).keys[seeds.indexOf(seed)] as string;
    await runPooled(
      { ...slotConfig(plan, slotAt(0), seeds[0] as number), runs: group.slots.map((s) => s.spec) },
      seeds,
      {
        backend,
        workers: t.workers,
        workerUrl: new URL('./run-worker.js', import.meta.url),
        signal: t.signal,
        configOf: (seed, i) => slotConfig(plan, slotAt(i), seed),
        starts: (seed, i): RunStart => {
          const f = done.get(keyOf(seed, i));
          return f ? { kind: 'kept', run: f.run, untrained: f.untrained } : { kind: 'fresh' };
        },
        onRun: (seed, i, result, seconds) => {
          const run = result.runs[0];
          if (run === undefined || run.interrupted) return;
          const key = keyOf(seed, i);
          done.set(key, { run, untrained: result.untrained, seconds, reused: false });
          trained += 1;
          const input = runKeyInput(slotConfig(plan, slotAt(i), seed), slotAt(i).spec, backend);
          writes.push(
            store
              .put({ version: RUN_STORE_VERSION, key, input, run, untrained: result.untrained, seconds })
              .catch((e: unknown) =>
                t.bar.note(
                  `run store: ${key} not stored (${e instanceof Error ? e.message : String(e)}); it will be trained again next time`,
                ),
              ),
          );
        },
        // p.steps counts the kept runs' steps as done: only this group's training steps move the bar.
        onProgress: (p) =>
          t.bar.update(
            stepsBefore + p.steps[0] - (p.steps[1] - group.steps),
            `steps · runs ${trained}/${toTrain} · cells ${cellsDone(plan, { slots, cellSlots: t.cellSlots }, done)}/${plan.cells.length}`,
            totalSteps,
          ),
      },
    );
    stepsBefore += group.steps;
    if (t.signal.aborted) break;
  }
  await Promise.all(writes);
  return trained;
}

async function main(): Promise<void> {
  if (wantsHelp(process.argv.slice(2))) {
    process.stdout.write(helpText(SWEEP_COMMAND));
    return;
  }
  const args = parseSweepArgs(process.argv.slice(2));
  const { spec, backend, out } = await resolve(args);
  const plan = expandSweep(spec);
  for (const note of plan.notes) err(`note: ${note}\n`);
  await checkOutDir(out);
  if (backend === 'webgpu') {
    const adapter = await ensureNodeGpuAdapter();
    err(
      `WebGPU adapter: ${adapter.description} (${adapter.vendor}, ${adapter.architecture}${adapter.software ? ', software' : ''})\n`,
    );
  }
  const started = performance.now();
  const store = new RunStore(args.store);
  const { slots, cellSlots } = distinctRuns(plan, backend);
  const done = await loadStored(store, slots);
  const reused = done.size;
  const distinct = slots.length * spec.seeds.length;
  const grid = plan.cells.length * plan.methods.length * spec.seeds.length;
  const workers = args.workers ?? (backend === 'webgpu' ? 1 : availableParallelism());
  err(
    `${plan.cells.length} cells × ${plan.methods.length} methods × ${spec.seeds.length} seeds = ${grid} runs, ${distinct} distinct by run key: ` +
      `${reused} in the run store (${store.dir}), ${distinct - reused} to train on up to ${workers} workers\n`,
  );
  const runs = { slots, cellSlots };
  const fileOf = (cells: CellResult[], complete: boolean, trained: number): SweepFile =>
    sweepFileOf(plan, runs, cells, {
      backend,
      complete,
      runStore: RUN_STORE_VERSION,
      trained,
      reused,
      wallSeconds: (performance.now() - started) / 1000,
    });
  // Written first, so that --resume DIR finds the spec after a stop.
  await writeSweepFiles(out, fileOf([], false, 0), plan);
  const bar = new ProgressBar('sweep', 0);
  const stop = onStopSignals((name) =>
    bar.note(
      `${name}: stopping every run at its next step; finished runs stay in the run store (${name} again quits at once)`,
    ),
  );
  const trained = await trainMissing({
    plan,
    slots,
    cellSlots,
    done,
    store,
    backend,
    workers,
    signal: stop.signal,
    bar,
  });
  const signal = stop.received();
  if (signal !== null) await stopped(signal, trained, distinct - reused - trained, store, out);

  const cells = summarizeCells(plan, runs, done);
  const files = await writeSweepFiles(out, fileOf(cells, true, trained), plan);
  print(`${effectTable(cells)}\n\n`);
  for (const c of cells) print(`${c.label}: ${c.summary}\n`);
  for (const note of plan.notes) print(`note: ${note}\n`);
  const size = await store.size();
  err(
    `trained ${trained} runs, reused ${reused} (${distinct} distinct runs for ${grid} in the grid); ` +
      `run store ${store.dir}: ${size.entries} runs, ${mb(size.bytes)}\n` +
      `${((performance.now() - started) / 1000).toFixed(1)} s wall; wrote ${files.length} files to ${out} (${files.map((f) => f.slice(out.length + 1)).join(', ')})\n`,
  );
}

main().catch((e: unknown) => {
  err(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
