/**
 * Trains a page sweep on the page's worker pool, each distinct run once (core/sweep/distinctRuns.ts):
 * the runs the page's run store has are reused, the others are trained in rounds of one run per
 * worker (a worker trains one config, and the runs of a sweep differ in config), each stored as
 * soon as its worker finishes, so Stop (or a comparison taking the workers) keeps every finished
 * run. After each run the sweep's result is rebuilt in the sweep.json layout (core/sweep/assemble.ts)
 * and handed to `onUpdate`, so the heatmap fills cell by cell with the same code that draws an
 * imported file. No React here; the pool and the store are interfaces, so the tests drive it with
 * fakes.
 */
import type { BackendChoice, BackendName } from '../../core/backends';
import type { DoneRun } from '../../core/sweep/assemble';
import { cellsDone, summarizeCells, sweepFileOf } from '../../core/sweep/assemble';
import type { DistinctRuns } from '../../core/sweep/distinctRuns';
import { distinctRuns, slotConfig } from '../../core/sweep/distinctRuns';
import type { SweepBackend, SweepFile } from '../../core/sweep/file';
import { SWEEP_BACKENDS } from '../../core/sweep/file';
import { runKeyInput } from '../../core/sweep/runKey';
import type { SweepPlan } from '../../core/sweep/spec';
import type { FromWorker } from '../../worker/protocol';
import type { UiState, WorkerState } from '../store/state';
import { emptyRun, initialState, reduce } from '../store/state';
import type { PageRunStore } from '../storage/runStore';
import type { StoredRun } from '../storage/storedRun';
import { PAGE_RUN_STORE_VERSION, recordView, runData } from '../storage/storedRun';
import type { PoolJob, RoundSink } from '../pool/types';

/** The page's worker pool as a sweep uses it (useTraining.ts). */
export interface SweepPool {
  /** The backend a choice really gives here ('auto' is resolved by a worker). */
  resolveBackend(choice: BackendChoice): Promise<BackendName>;
  /** One round: worker i trains jobs[i]; returns the round's sessionId. */
  trainJobs(jobs: readonly PoolJob[], backend: BackendChoice, sink: RoundSink): number;
  pause(): void;
}

export interface SweepProgress {
  /** Runs trained by this sweep so far, and how many it has to train. */
  trained: number;
  toTrain: number;
  reused: number;
  cellsDone: number;
  cells: number;
  /** Training steps done and in all, over the runs to train (for the bar and the time left). */
  steps: number;
  totalSteps: number;
  seconds: number;
}

export interface SweepOutcome {
  file: SweepFile;
  /** Every stored or trained run of the sweep, by run key: what a cell's charts are built from. */
  records: ReadonlyMap<string, StoredRun>;
  runs: DistinctRuns;
  progress: SweepProgress;
  /** E.g. a corrupt stored run that was dropped and retrained, or a run store that could not be written. */
  notes: string[];
  /** Why the sweep ended before every run was trained; null when it finished. */
  stopped: string | null;
}

/** Least time between two progress updates while a round trains, ms. */
const PROGRESS_MS = 250;

interface Job extends PoolJob {
  key: string;
  slot: number;
}

/** An empty state for a round: one series per job (unit i on worker i), every worker building. */
function roundState(sessionId: number, jobs: readonly Job[]): UiState {
  const idle: WorkerState = { ready: false, phase: 'building', playing: false, step: 0, stepsPerSecond: 0 };
  const first = jobs[0];
  return {
    ...initialState,
    sessionId,
    phase: 'starting',
    totalSteps: first?.config.steps ?? 0,
    seeds: [...new Set(jobs.map((j) => j.seed))],
    runs: jobs.map((j, i) => emptyRun(i, j.seed, 0, j.config.runs[0] as PoolJob['config']['runs'][number])),
    workers: jobs.map(() => ({ ...idle })),
  };
}

export class SweepTrainer {
  private readonly done = new Map<string, DoneRun>();
  private readonly records = new Map<string, StoredRun>();
  private readonly notes: string[] = [];
  private trained = 0;
  private reused = 0;
  private stepsBefore = 0;
  private stopped: string | null = null;
  private readonly abort = new AbortController();
  private started = 0;

  constructor(
    private readonly plan: SweepPlan,
    private readonly pool: SweepPool,
    private readonly store: PageRunStore,
    private readonly onUpdate: (outcome: SweepOutcome) => void,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Stops at the current round's next step; its finished runs are kept (stored), the others dropped. */
  stop(why = 'stopped'): void {
    if (this.abort.signal.aborted) return;
    this.stopped = why;
    this.abort.abort();
    this.pool.pause();
  }

  async run(choice: BackendChoice, workers: number): Promise<SweepOutcome> {
    this.started = this.now();
    const backend = choice === 'auto' ? await this.pool.resolveBackend('auto') : choice;
    const sweepBackend = SWEEP_BACKENDS.find((b) => b === backend);
    if (sweepBackend === undefined)
      throw new Error(`backend ${backend} is not allowed for a sweep: expected one of ${SWEEP_BACKENDS.join(', ')}`);
    const runs = distinctRuns(this.plan, backend);
    const jobs = await this.lookUp(runs);
    const totalSteps = jobs.reduce((n, j) => n + j.config.steps, 0);
    const outcome = (complete: boolean, steps: number): SweepOutcome =>
      this.outcome(runs, sweepBackend, complete, { steps, totalSteps, toTrain: jobs.length });
    this.onUpdate(outcome(jobs.length === 0, 0));
    const size = Math.max(1, workers);
    for (let at = 0; at < jobs.length && !this.abort.signal.aborted; at += size) {
      await this.round(jobs.slice(at, at + size), backend, (steps) =>
        this.onUpdate(outcome(false, this.stepsBefore + steps)),
      );
      this.stepsBefore += jobs.slice(at, at + size).reduce((n, j) => n + j.config.steps, 0);
    }
    const final = outcome(this.trained === jobs.length, this.stepsBefore);
    this.onUpdate(final);
    return final;
  }

  /** The stored runs, by key; returns the jobs of the runs to train (a corrupt record is one, with a note). */
  private async lookUp(runs: DistinctRuns): Promise<Job[]> {
    const jobs: Job[] = [];
    for (const [s, slot] of runs.slots.entries()) {
      for (const [i, seed] of this.plan.spec.seeds.entries()) {
        const key = slot.keys[i] as string;
        const config = slotConfig(this.plan, slot, seed);
        const taken = await this.store.take(key).catch((e: unknown) => ({
          kind: 'corrupt' as const,
          note: `the run store could not be read (${e instanceof Error ? e.message : String(e)}): ${key} is trained`,
        }));
        if (taken.kind === 'hit') {
          this.keep(taken.run, config.steps, true);
          this.reused += 1;
          continue;
        }
        if (taken.kind === 'corrupt') this.notes.push(taken.note);
        jobs.push({ config, seed, key, slot: s });
      }
    }
    return jobs;
  }

  private keep(run: StoredRun, steps: number, reused: boolean): void {
    this.records.set(run.key, run);
    this.done.set(run.key, { run: recordView(run.data, steps), seconds: run.seconds, reused });
  }

  /** One round; resolves when every worker finished, failed, or the sweep was stopped or interrupted. */
  private round(jobs: readonly Job[], backend: BackendName, progress: (steps: number) => void): Promise<void> {
    return new Promise((resolve) => {
      const began = this.now();
      const finished = new Set<number>();
      let state: UiState | null = null;
      let ended = false;
      let shown = -Infinity;
      const end = () => {
        if (ended) return;
        ended = true;
        this.abort.signal.removeEventListener('abort', end);
        resolve();
      };
      this.abort.signal.addEventListener('abort', end);
      const sink: RoundSink = {
        receive: (msg: FromWorker) => {
          if (state === null || ended) return;
          state = reduce(state, msg);
          if (msg.type === 'error') {
            this.stop(`a worker failed: ${msg.message}`);
            return;
          }
          let ran = false;
          if (msg.type === 'state' && msg.phase === 'finished' && !finished.has(msg.worker)) {
            finished.add(msg.worker);
            ran = true;
            this.finish(jobs[msg.worker] as Job, state, msg.worker, backend, (this.now() - began) / 1000);
          }
          // The heatmap and the bar at most every PROGRESS_MS, and at once when a run finished.
          if (ran || this.now() - shown >= PROGRESS_MS) {
            shown = this.now();
            progress(state.workers.reduce((n, w) => n + w.step, 0));
          }
          if (finished.size === jobs.length) end();
        },
        interrupted: () => {
          // The next round taking the pool releases this one's sink: that is no interruption.
          if (ended) return;
          this.stopped ??= 'the workers were taken by a comparison';
          this.abort.abort();
          end();
        },
      };
      state = roundState(this.pool.trainJobs(jobs, backend, sink), jobs);
    });
  }

  /** A worker's run finished: kept for the cells, and stored (a failed write is a note, not a failure). */
  private finish(job: Job, state: UiState, worker: number, backend: BackendName, seconds: number): void {
    const series = state.runs[worker];
    const untrained = state.untrained.find((u) => u.seed === job.seed)?.report;
    if (series === undefined || untrained === undefined) {
      this.notes.push(`${job.key}: its worker finished without its series or its untrained evaluation; it is not kept`);
      return;
    }
    const record: StoredRun = {
      version: PAGE_RUN_STORE_VERSION,
      key: job.key,
      input: runKeyInput(job.config, job.config.runs[0] as PoolJob['config']['runs'][number], backend),
      seconds,
      savedAt: Date.now(),
      data: runData(series),
      untrained,
    };
    this.keep(record, job.config.steps, false);
    this.trained += 1;
    this.store
      .put(record)
      .catch((e: unknown) =>
        this.notes.push(
          `run store: ${job.key} not stored (${e instanceof Error ? e.message : String(e)}); it will be trained again next time`,
        ),
      );
  }

  private outcome(
    runs: DistinctRuns,
    backend: SweepBackend,
    complete: boolean,
    p: { steps: number; totalSteps: number; toTrain: number },
  ): SweepOutcome {
    const seconds = (this.now() - this.started) / 1000;
    const file = sweepFileOf(this.plan, runs, summarizeCells(this.plan, runs, this.done), {
      backend,
      complete,
      runStore: PAGE_RUN_STORE_VERSION,
      trained: this.trained,
      reused: this.reused,
      wallSeconds: seconds,
    });
    return {
      file,
      records: new Map(this.records),
      runs,
      progress: {
        trained: this.trained,
        toTrain: p.toTrain,
        reused: this.reused,
        cellsDone: cellsDone(this.plan, runs, this.done),
        cells: this.plan.cells.length,
        steps: p.steps,
        totalSteps: p.totalSteps,
        seconds,
      },
      notes: [...this.notes],
      stopped: this.stopped,
    };
  }
}
