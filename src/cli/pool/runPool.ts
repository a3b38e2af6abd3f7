/**
 * The runner's pool: every run (seed × method) trains in its own job on a pool of worker_threads,
 * each worker one job at a time. The faces of a seed are made once, by a 'dataset' job (disk cache
 * or generation), and shared with the training jobs of that seed as one SharedArrayBuffer. A
 * run's numbers do not depend on the pool: same seed → same initial weights, batches, probe batch
 * and directions, whichever worker trains it. A stop (the signal in the options) ends every
 * training job at its next step; the pool then resolves with the finished runs and the
 * interrupted ones instead of rejecting. On a resume, each run starts as `starts` says: kept as
 * it is (no job), continued from its checkpoint, or from step 0.
 */
import type { FacesSource } from '../facesNode';
import { Worker } from 'node:worker_threads';
import type { ExperimentConfig, RunSpec } from '../../core/config';
import { runLabel } from '../../core/config';
import { canonicalJson } from '../../core/data/cache';
import type { EvalReport } from '../../core/eval/report';
import { outOfMemoryMessage } from '../../core/outOfMemory';
import type { ComparisonCheckpoint } from '../../core/train/checkpoint';
import type { NodeBackend } from '../backend-node';
import { checkpointPaths } from '../checkpointFiles';
import type { RunResult, SeedResult } from '../../core/results/resultsFile';
import type { FromRunWorker, RunWorkerData, ToRunWorker } from './protocol';

/** How a run of a resumed experiment starts. */
export type RunStart =
  | { kind: 'fresh' }
  /** Finished (or diverged) before: no job, its record and its seed's untrained evaluation go into the result as they are. */
  | { kind: 'kept'; run: RunResult; untrained: EvalReport }
  /**
   * Continued from its checkpoint, with its record up to the checkpoint's step. Until its job
   * hands back a result, the pool reports that record (interrupted) with `untrained`, its seed's
   * untrained evaluation, so a stop before the job starts drops nothing (null: report nothing).
   */
  | { kind: 'resume'; checkpoint: ComparisonCheckpoint; run: RunResult; untrained: EvalReport | null };

export interface PoolProgress {
  /** Datasets ready / all. */
  datasets: [number, number];
  /** Training steps done over all runs / all. */
  steps: [number, number];
  /** Runs finished / all. */
  runs: [number, number];
}

export interface PoolOptions {
  backend: NodeBackend;
  /** Worker threads (≥ 1); more than the jobs that can run at once gains nothing. */
  workers: number;
  /** The bundled worker entry (dist-cli/run-worker.js). */
  workerUrl: URL;
  onProgress?: (p: PoolProgress) => void;
  /** A job's warning (a checkpoint that could not be written), naming the run. */
  onWarning?: (message: string) => void;
  /** Called when the last run of `seed` finishes, with every seed whose runs have all finished. */
  onSeed?: (seed: number, finished: PoolResult) => void;
  /** Aborting it stops every training job at its next step and settles the pool with what it has. */
  signal?: AbortSignal;
  /** Each run's checkpoint files go to `out`/checkpoints (made by the caller), periodic ones every `every` steps (0 = none). */
  checkpoints?: { out: string; every: number };
  /** How the run `run` (index into the config's runs) of `seed` starts; default: from step 0. */
  starts?: (seed: number, run: number) => RunStart;
  /** `--faces`: every seed's dataset is cut from this folder. */
  faces?: FacesSource;
  /**
   * The one-run config of run `run` (index into base.runs) of `seed`; default: the base with that
   * seed and run. A seed's runs all train on the one dataset made from base.data, so these configs
   * must keep base.data (a sweep over data.* calls the pool once per data setting).
   */
  configOf?: (seed: number, run: number) => ExperimentConfig;
  /** Called as each training job hands back its run (finished or interrupted), with the job's wall time, s. */
  onRun?: (seed: number, run: number, result: SeedResult, seconds: number) => void;
}

export interface PoolResult {
  /**
   * In the order given, each with the runs that came back (finished or interrupted) in the
   * config's order; a seed none of whose runs came back is left out.
   */
  seeds: SeedResult[];
  /** Every run of every seed finished. */
  complete: boolean;
  /** The backend the workers really run. */
  backend: string;
  /** Worker threads started (at most the jobs). */
  workers: number;
  /** Wall time of the whole pool, data generation included, s. */
  wallSeconds: number;
}

type Job =
  | { kind: 'dataset'; seed: number }
  | { kind: 'train'; seed: number; run: number; config: ExperimentConfig; start: RunStart };

function describe(job: Job): string {
  return job.kind === 'dataset'
    ? `the faces of seed ${job.seed}`
    : `${runLabel(job.config.runs[0] ?? { method: 'sst', agents: 1 })} on seed ${job.seed}`;
}

export function runPooled(base: ExperimentConfig, seeds: readonly number[], options: PoolOptions): Promise<PoolResult> {
  const start = performance.now();
  const startOf = options.starts ?? ((): RunStart => ({ kind: 'fresh' }));
  const configOf =
    options.configOf ??
    ((seed: number, run: number): ExperimentConfig => ({ ...base, seed, runs: [base.runs[run] as RunSpec] }));
  const results = new Map<string, SeedResult>();
  const training: Array<Extract<Job, { kind: 'train' }>> = [];
  const baseData = canonicalJson(base.data);
  let keptSteps = 0;
  let totalSteps = 0;
  for (const seed of seeds) {
    base.runs.forEach((_, run) => {
      const from = startOf(seed, run);
      const config = configOf(seed, run);
      if (canonicalJson(config.data) !== baseData) {
        throw new Error(
          `runPooled: run ${run} of seed ${seed} has other data settings than the pool's base; a seed's runs share one dataset, so pool each data setting on its own`,
        );
      }
      totalSteps += config.steps;
      if (from.kind === 'kept') {
        results.set(`${seed}/${run}`, { seed, runs: [from.run], untrained: from.untrained });
        keptSteps += config.steps;
      } else training.push({ kind: 'train', seed, run, config, start: from });
    });
  }
  // A dataset only for the seeds that have a run to train.
  const jobs: Job[] = [
    ...seeds.filter((seed) => training.some((j) => j.seed === seed)).map((seed): Job => ({ kind: 'dataset', seed })),
    ...training,
  ];
  const pending = jobs.map((_, i) => i);
  const datasets = new Map<number, SharedArrayBuffer>();
  // Steps counted from where each run starts: the kept ones done, the resumed ones at their checkpoint.
  const stepsDone = jobs.map((j) => (j.kind === 'train' && j.start.kind === 'resume' ? j.start.checkpoint.step : 0));
  const workers: Worker[] = [];
  let backend = options.backend as string;
  let finishedRuns = results.size;
  const totalRuns = seeds.length * base.runs.length;
  // Shared with every worker (protocol.ts, RunWorkerData.stop).
  const stopFlag = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
  let stopping = false;
  const waiting = (seed: number, run: number): SeedResult | undefined => {
    const start = training.find((j) => j.seed === seed && j.run === run)?.start;
    if (start?.kind !== 'resume' || start.untrained === null) return undefined;
    return { seed, runs: [{ ...start.run, interrupted: true }], untrained: start.untrained };
  };
  const runsOf = (seed: number): SeedResult[] =>
    base.runs
      .map((_, run) => results.get(`${seed}/${run}`) ?? waiting(seed, run))
      .filter((r): r is SeedResult => r !== undefined);
  const seedFinished = (seed: number): boolean => {
    const runs = runsOf(seed);
    return runs.length === base.runs.length && runs.every((r) => r.runs.every((x) => !x.interrupted));
  };
  const snapshot = (include: (seed: number) => boolean): PoolResult => ({
    seeds: seeds
      .filter((seed) => include(seed) && runsOf(seed).length > 0)
      .map((seed): SeedResult => {
        const runs = runsOf(seed);
        return { seed, runs: runs.flatMap((r) => r.runs), untrained: (runs[0] as SeedResult).untrained };
      }),
    complete: finishedRuns === totalRuns,
    backend,
    workers: workers.length,
    wallSeconds: (performance.now() - start) / 1000,
  });

  return new Promise<PoolResult>((resolve, reject) => {
    if (jobs.length === 0) {
      resolve(snapshot(() => true));
      return;
    }
    let failed = false;
    let settled = false;
    const fail = (message: string): void => {
      if (failed || settled) return;
      failed = true;
      options.signal?.removeEventListener('abort', stop);
      for (const w of workers) void w.terminate();
      reject(new Error(message));
    };
    const report = (): void =>
      options.onProgress?.({
        datasets: [datasets.size, seeds.length],
        steps: [keptSteps + stepsDone.reduce((a, b) => a + b, 0), totalSteps],
        runs: [finishedRuns, totalRuns],
      });
    const finish = (): void => {
      if (settled || failed) return;
      settled = true;
      options.signal?.removeEventListener('abort', stop);
      // A dataset job still running is dropped: its cache entry is written atomically or not at all.
      for (const w of workers) void w.terminate();
      resolve(snapshot(() => true));
    };
    const training = (): boolean => [...busy.values()].some((j) => jobs[j]?.kind === 'train');
    const next = (worker: Worker): void => {
      if (failed || settled) return;
      if (stopping) {
        if (!training()) finish();
        return;
      }
      const at = pending.findIndex((j) => {
        const job = jobs[j] as Job;
        return job.kind === 'dataset' || datasets.has(job.seed);
      });
      if (at < 0) {
        if (results.size === totalRuns) finish();
        return;
      }
      const index = pending.splice(at, 1)[0] as number;
      const job = jobs[index] as Job;
      busy.set(worker, index);
      startedAt[index] = performance.now();
      worker.postMessage(message(job, index));
    };
    const message = (job: Job, index: number): ToRunWorker => {
      if (job.kind === 'dataset')
        return { type: 'dataset', job: index, seed: job.seed, data: base.data, faces: options.faces ?? null };
      const files = options.checkpoints;
      const label = runLabel(job.config.runs[0] ?? { method: 'sst', agents: 1 });
      return {
        type: 'train',
        job: index,
        config: job.config,
        dataset: datasets.get(job.seed) as SharedArrayBuffer,
        checkpoints: files ? { paths: checkpointPaths(files.out, job.seed, label), every: files.every } : null,
        from: job.start.kind === 'resume' ? { checkpoint: job.start.checkpoint, run: job.start.run } : null,
      };
    };
    const busy = new Map<Worker, number>();
    const startedAt = jobs.map(() => 0);
    const idle = (): void => {
      for (const w of workers) if (!busy.has(w)) next(w);
    };
    const onMessage = (worker: Worker, msg: FromRunWorker): void => {
      switch (msg.type) {
        case 'ready':
          backend = msg.backend;
          next(worker);
          return;
        case 'progress': {
          const job = jobs[msg.job];
          if (job?.kind === 'train') stepsDone[msg.job] = msg.done;
          report();
          return;
        }
        case 'warning':
          options.onWarning?.(`${describe(jobs[msg.job] as Job)}: ${msg.message}`);
          return;
        case 'dataset': {
          const job = jobs[msg.job] as Job;
          const shared = new SharedArrayBuffer(msg.bytes.byteLength);
          new Uint8Array(shared).set(new Uint8Array(msg.bytes));
          datasets.set(job.seed, shared);
          busy.delete(worker);
          report();
          idle();
          return;
        }
        case 'trained': {
          const job = jobs[msg.job] as Job & { kind: 'train' };
          results.set(`${job.seed}/${job.run}`, msg.result);
          options.onRun?.(job.seed, job.run, msg.result, (performance.now() - (startedAt[msg.job] ?? 0)) / 1000);
          if (msg.result.runs.every((r) => !r.interrupted)) finishedRuns += 1;
          busy.delete(worker);
          report();
          if (seedFinished(job.seed)) options.onSeed?.(job.seed, snapshot(seedFinished));
          next(worker);
          idle();
          return;
        }
        case 'error':
          fail(
            msg.job === null
              ? `a runner worker could not start: ${msg.message}`
              : `${describe(jobs[msg.job] as Job)} failed: ${outOfMemoryMessage(msg.message, base) ?? msg.message}`,
          );
          return;
      }
    };
    function stop(): void {
      stopping = true;
      Atomics.store(stopFlag, 0, 1);
      if (!training()) finish();
    }
    const count = Math.max(1, Math.min(options.workers, jobs.length));
    for (let i = 0; i < count; i++) {
      const data: RunWorkerData = { backend: options.backend, stop: stopFlag };
      const worker = new Worker(options.workerUrl, { workerData: data });
      worker.on('message', (msg: FromRunWorker) => onMessage(worker, msg));
      worker.on('error', (e) => fail(`a runner worker crashed: ${outOfMemoryMessage(e.message, base) ?? e.message}`));
      // An exit without an 'error' (killed, out of memory) must not leave the promise pending.
      worker.on('exit', (code) => fail(`a runner worker exited (code ${code}) before the comparison finished`));
      workers.push(worker);
    }
    if (options.signal?.aborted) stop();
    else options.signal?.addEventListener('abort', stop, { once: true });
  });
}
