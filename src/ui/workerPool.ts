/**
 * The page's pool of training workers. Each start plans the comparison over the pool
 * (pool/plan.ts), starts a session with a new sessionId in every worker it uses, and relays the faces
 * one worker made to the others that train on that seed (shared memory when the page is
 * cross-origin isolated, a copy otherwise). Messages of older sessions are dropped here and by the
 * reducer, so a Reset never mixes series. With backend 'auto' a throw-away worker first measures
 * the backends on the comparison's configuration (worker/backendChooser.ts), unless a choice for
 * this device and shape was kept; commands given meanwhile wait and follow the init messages.
 * Each worker's wasm backend gets the cores the pool leaves idle as threads (pool/plan.ts); a
 * worker started with another count is replaced, since the count is fixed when its backend starts.
 */
import type { ExperimentConfig } from '../core/config';
import type { BackendChoice } from '../core/backends';
import type { BackendReport, FromWorker, ProbeWeights, ToWorker } from '../worker/protocol';
import { MAX_CHECKPOINT_EVERY } from '../core/checkpointEvery';
import { canonicalJson } from '../core/data/cache';
import { restoredState } from './store/restore';
import type { PoolJob, Resume, RoundSink, SessionData } from './pool/types';
import type { FolderSource } from '../core/faces/source';
import { planPool, wasmThreads } from './pool/plan';
import type { BackendMeasurement } from '../core/backendChoice';
import { chosenThreads, shapeKey } from '../core/backendChoice';
import { keepMeasurement, readKept } from './storage/backendChoices';
import { measureBackends } from './pool/backendTrials';
import type { WorkerPlan } from './pool/plan';
import type { Store } from './store/store';

export class WorkerPool {
  private readonly workers: Worker[] = [];
  private plans: WorkerPlan[] = [];
  private session: { config: ExperimentConfig; seeds: readonly number[]; folder: FolderSource | null } | null = null;
  // Only the current session's seeds: a new session drops the old bytes.
  private readonly faces = new Map<number, ArrayBuffer>();
  private sessionId = 0;
  private speed: number | null = null;
  /** Probe requests awaiting their worker's answer, by request number. */
  private readonly probeRequests = new Map<
    number,
    { resolve: (p: ProbeWeights) => void; reject: (e: Error) => void }
  >();
  private nextRequest = 0;
  /** A sweep's round that has the workers; null while they train the page's comparison. */
  private sink: RoundSink | null = null;
  /** The worker running a backend trial for 'auto', while one does. */
  private chooser: Worker | null = null;
  /** Commands given while 'auto' is being measured, sent after the init messages; null when none is. */
  private queued: Array<{ index: number; msg: ToWorker }> | null = null;
  /** The wasm threads each worker was started with. */
  private threadsOf: number[] = [];

  /** `checkpointEvery`: steps between two periodic checkpoints of every worker (the page's checkpoint= setting). */
  constructor(
    private readonly store: Store,
    private readonly checkpointEvery: number,
  ) {}

  private worker(index: number, threads: number): Worker {
    const existing = this.workers[index];
    if (existing && this.threadsOf[index] === threads) return existing;
    existing?.terminate();
    this.threadsOf[index] = threads;
    const worker = new Worker(new URL('../worker/training.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<FromWorker>) => this.receive(e.data);
    // A worker that dies (a load failure, out of memory) reports like one that caught an error:
    // the others pause, and the page's controls come back.
    worker.onerror = (e) =>
      this.receive({
        type: 'error',
        sessionId: this.sessionId,
        message: `Training worker ${index + 1} failed: ${e.message}`,
      });
    this.workers[index] = worker;
    return worker;
  }

  private receive(msg: FromWorker): void {
    if (msg.sessionId !== this.sessionId) return;
    if (msg.type === 'faces') {
      // Kept as posted: relaying copies (or shares a copy), so these bytes stay the page's.
      this.faces.set(msg.seed, msg.bytes);
      this.relayFaces(msg.seed, msg.bytes);
      return;
    }
    if (this.sink !== null) {
      this.sink.receive(msg);
      return;
    }
    if (msg.type === 'probeWeights') {
      const waiting = this.probeRequests.get(msg.request);
      this.probeRequests.delete(msg.request);
      if (msg.result.ok) waiting?.resolve(msg.result.probe);
      else waiting?.reject(new Error(msg.result.message));
      return;
    }
    // One failed worker pauses the whole comparison, so its runs stay batch for batch comparable.
    if (msg.type === 'error') this.pause();
    this.store.receive(msg);
  }

  private relayFaces(seed: number, bytes: ArrayBuffer): void {
    const targets = this.plans
      .map((p, i) => ({ p, i }))
      .filter(({ p }) => !p.makes.includes(seed) && p.units.some((u) => u.seed === seed));
    if (targets.length === 0) return;
    let shared: ArrayBuffer | SharedArrayBuffer = bytes;
    if (globalThis.crossOriginIsolated) {
      shared = new SharedArrayBuffer(bytes.byteLength);
      new Uint8Array(shared).set(new Uint8Array(bytes));
    }
    for (const { i } of targets) this.send(i, { type: 'faces', sessionId: this.sessionId, seed, bytes: shared });
  }

  private send(index: number, msg: ToWorker): void {
    if (this.queued !== null) this.queued.push({ index, msg });
    else this.workers[index]?.postMessage(msg);
  }

  private broadcast(make: (sessionId: number) => ToWorker): void {
    this.plans.forEach((_, i) => this.send(i, make(this.sessionId)));
  }

  /**
   * A new session over `seeds` on up to `size` workers; with `resume`, the workers whose units a
   * checkpoint holds continue from it (a restored comparison, whose state the store already has).
   */
  init(
    config: ExperimentConfig,
    seeds: readonly number[],
    backend: BackendChoice,
    size: number,
    resume: Resume | null = null,
    folder: FolderSource | null = null,
  ): void {
    // The old session stops now, not at the next init: a backend trial must not share the cores with it.
    for (const w of this.workers) w.postMessage({ type: 'pause', sessionId: this.sessionId } satisfies ToWorker);
    this.sessionId += 1;
    this.releaseSink();
    this.rejectProbeRequests('a new comparison started before the probe arrived');
    this.plans = planPool(config, seeds, size);
    this.session = { config, seeds: [...seeds], folder };
    this.faces.clear();
    // A checkpoint resumes its worker only if that worker is planned the same units again.
    const usable = (resume?.checkpoints ?? []).filter((c) => {
      const plan = this.plans[c.worker];
      return plan !== undefined && c.groups.flatMap((g) => g.units).join() === plan.units.map((u) => u.unit).join();
    });
    if (resume === null) this.store.start(this.sessionId, config, seeds, this.plans.length);
    else this.store.restore(this.sessionId, restoredState(resume.state, this.sessionId, this.plans.length, usable));
    const threads = wasmThreads(navigator.hardwareConcurrency, this.plans.length);
    const begin = (
      chosen: BackendChoice,
      measurement: BackendMeasurement | null,
      trialFailure: string | null,
    ): void => {
      // 'auto' timed wasm on the spare threads and on one: the faster count is kept.
      const workerThreads = measurement ? chosenThreads(measurement) : threads;
      this.plans.forEach((plan, i) => {
        const checkpoint = usable.find((c) => c.worker === i) ?? null;
        this.worker(i, workerThreads).postMessage({
          type: 'init',
          sessionId: this.sessionId,
          worker: i,
          config,
          backend: chosen,
          measurement,
          trialFailure,
          wasmThreads: workerThreads,
          units: plan.units,
          makes: plan.makes,
          shownSeed: seeds[0] ?? config.seed,
          resume: checkpoint,
          folder,
          checkpointEvery: this.checkpointEvery,
        } satisfies ToWorker);
      });
      // Workers this plan leaves out drop their old session's work at once.
      for (let i = this.plans.length; i < this.workers.length; i++) {
        this.workers[i]?.terminate();
      }
      this.workers.length = this.plans.length;
      this.threadsOf.length = this.plans.length;
      const queued = this.queued ?? [];
      this.queued = null;
      for (const { index, msg } of queued) this.send(index, msg);
    };
    this.chooser?.terminate();
    this.chooser = null;
    this.queued = backend === 'auto' ? [] : null;
    if (this.speed !== null) this.setSpeed(this.speed);
    if (backend === 'auto') this.choose(config, threads, begin);
    else begin(backend, null, null);
  }

  /**
   * 'auto' by measuring (pool/backendTrials.ts), each trial in a throw-away worker; `then` gets the
   * choice, or 'auto' by the adapters' names with the reason when the trial failed. A newer
   * session ends this one's trial workers and drops its answer.
   */
  private choose(
    config: ExperimentConfig,
    threads: number,
    then: (chosen: BackendChoice, m: BackendMeasurement | null, failure: string | null) => void,
  ): void {
    const sessionId = this.sessionId;
    const shape = shapeKey(config, threads);
    const host = {
      spawn: (): Worker => {
        const worker = new Worker(new URL('../worker/training.worker.ts', import.meta.url), { type: 'module' });
        this.chooser?.terminate();
        this.chooser = sessionId === this.sessionId ? worker : null;
        if (sessionId !== this.sessionId) worker.terminate();
        return worker;
      },
    };
    measureBackends(
      host,
      sessionId,
      config,
      threads,
      readKept().filter((k) => k.shape === shape),
    ).then(
      (m) => {
        if (sessionId !== this.sessionId) return;
        if (m.source === 'measured') keepMeasurement(m);
        then(m.chosen, m, null);
      },
      (e: unknown) => {
        if (sessionId === this.sessionId)
          then(
            'auto',
            null,
            `Measuring the backends failed (${e instanceof Error ? e.message : String(e)}), so the backend was chosen from the adapter's name.`,
          );
      },
    );
  }

  private releaseSink(): void {
    const sink = this.sink;
    this.sink = null;
    sink?.interrupted();
  }

  /** A sweep takes the workers: the comparison's session ends (its state stays in the store). */
  private takeForSweep(sink: RoundSink): number {
    this.sessionId += 1;
    this.releaseSink();
    this.rejectProbeRequests('a sweep took the workers before the probe arrived');
    this.session = null;
    this.faces.clear();
    this.sink = sink;
    return this.sessionId;
  }

  /** The backend `choice` gives in a worker here (the pool's first worker; its session ends). */
  resolveBackend(choice: BackendChoice): Promise<BackendReport> {
    return new Promise((resolve, reject) => {
      const sessionId = this.takeForSweep({
        receive: (msg) => {
          if (msg.type === 'backend') resolve(msg.report);
          else if (msg.type === 'error') reject(new Error(msg.message));
        },
        interrupted: () => reject(new Error('the workers were taken before the backend was known')),
      });
      this.plans = [{ units: [], makes: [] }];
      // One thread: a sweep's rounds fill every worker, so none has idle cores to thread over.
      this.worker(0, 1);
      this.send(0, { type: 'selectBackend', sessionId, choice });
    });
  }

  /**
   * A sweep's round: worker i trains jobs[i] at full speed, making its seed's faces itself (from
   * the dataset cache when another round made them); the messages go to `sink`. Returns the round's
   * sessionId. Checkpoints are left at their rarest: a round is not restored after a reload, its
   * finished runs are in the run store.
   */
  trainJobs(jobs: readonly PoolJob[], backend: BackendChoice, sink: RoundSink): number {
    const sessionId = this.takeForSweep(sink);
    // One worker makes a seed's faces and the page hands them to the round's other workers of
    // that seed, unless their data settings differ (an axis on data.*): then each makes its own.
    const dataOf = (job: PoolJob) => canonicalJson(job.config.data);
    const shared = (seed: number) => new Set(jobs.filter((j) => j.seed === seed).map(dataOf)).size === 1;
    this.plans = jobs.map((job, i) => {
      const first = jobs.findIndex((j) => j.seed === job.seed) === i;
      return { units: [{ unit: i, seed: job.seed, run: 0 }], makes: first || !shared(job.seed) ? [job.seed] : [] };
    });
    this.plans.forEach((plan, i) => {
      const job = jobs[i] as PoolJob;
      this.worker(i, 1);
      this.send(i, {
        type: 'init',
        sessionId,
        worker: i,
        config: job.config,
        backend,
        measurement: null,
        trialFailure: null,
        wasmThreads: 1,
        units: plan.units,
        makes: plan.makes,
        shownSeed: job.seed,
        resume: null,
        folder: null,
        checkpointEvery: MAX_CHECKPOINT_EVERY,
      });
      this.send(i, { type: 'speed', sessionId, stepsPerSecond: null });
      this.send(i, { type: 'play', sessionId });
    });
    for (let i = this.plans.length; i < this.workers.length; i++) this.workers[i]?.terminate();
    this.workers.length = this.plans.length;
    return sessionId;
  }

  play(): void {
    this.broadcast((sessionId) => ({ type: 'play', sessionId }));
  }

  pause(): void {
    this.broadcast((sessionId) => ({ type: 'pause', sessionId }));
  }

  step(): void {
    this.broadcast((sessionId) => ({ type: 'step', sessionId }));
  }

  /** One step of every unit, `unit`'s traced stage by stage by the worker that holds it. */
  stepSlowly(unit: number): void {
    this.broadcast((sessionId) => ({ type: 'stepSlowly', sessionId, unit }));
  }

  /** At most `stepsPerSecond` steps a second in every worker (null: full speed); kept for later sessions. */
  setSpeed(stepsPerSecond: number | null): void {
    this.speed = stepsPerSecond;
    this.broadcast((sessionId) => ({ type: 'speed', sessionId, stepsPerSecond }));
  }

  /** The page is being hidden or closed: every training worker sends a checkpoint after its current step. */
  checkpointNow(): void {
    this.broadcast((sessionId) => ({ type: 'checkpointNow', sessionId }));
  }

  landscape(dims: 1 | 2): void {
    this.broadcast((sessionId) => ({ type: 'landscape', sessionId, dims }));
  }

  /** `unit`'s probe weights now, from the worker that trains it; rejects with a message saying why not. */
  probeWeights(unit: number): Promise<ProbeWeights> {
    const worker = this.plans.findIndex((p) => p.units.some((u) => u.unit === unit));
    if (worker < 0) return Promise.reject(new Error(`no worker trains run ${unit} in this comparison`));
    const request = ++this.nextRequest;
    return new Promise((resolve, reject) => {
      this.probeRequests.set(request, { resolve, reject });
      this.send(worker, { type: 'probeWeights', sessionId: this.sessionId, unit, request });
    });
  }

  private rejectProbeRequests(why: string): void {
    for (const r of this.probeRequests.values()) r.reject(new Error(why));
    this.probeRequests.clear();
  }

  /** The current session's config, seeds and faces (null before the first session). */
  sessionData(): SessionData | null {
    return this.session === null ? null : { ...this.session, faces: new Map(this.faces) };
  }

  /** Whether a sweep's round has the workers. */
  get sweeping(): boolean {
    return this.sink !== null;
  }

  /** The current session's id (messages of others are dropped). */
  get current(): number {
    return this.sessionId;
  }

  dispose(): void {
    this.releaseSink();
    this.rejectProbeRequests('the page closed its workers');
    this.chooser?.terminate();
    this.chooser = null;
    for (const w of this.workers) w.terminate();
    this.workers.length = 0;
  }
}
