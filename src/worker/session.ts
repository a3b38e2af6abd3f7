/**
 * One training session in a pool worker: backend, the faces of the seeds it trains, one
 * comparison per seed holding this worker's runs of that seed, and the play loop. All its units
 * step in lock-step, yielding to the message queue between steps so Pause is handled at once.
 * Losses stay on the device until a flush (about every 100 ms), which stacks them into one tensor
 * and reads it with a single async data(), never a synchronous read.
 */
import type { ExperimentConfig, RunSpec } from '../core/config';
import { deserializeDataset, serializeDataset } from '../core/data/cache';
import type { FaceDataset } from '../core/data/types';
import { convImplFor } from '../core/model/conv';
import * as tf from '../core/tf';
import { Comparison } from '../core/train/comparison';
import { evaluateRun, evaluateUntrained } from '../core/train/evaluateRuns';
import { validate } from '../core/validate';
import { AnalysisStream } from './analysisStream';
import { selectBackend } from './backend';
import { makeFaces } from './faces';
import type { WatchedDevice } from './gpuWatch';
import { gpuFailureMessage, watchGpuDevice } from './gpuWatch';
import type { EvalReport } from '../core/eval/report';
import type { FromWorker, StatsBatch, ToWorker } from './protocol';

export type Post = (msg: FromWorker, transfer?: Transferable[]) => void;
export type InitMessage = Extract<ToWorker, { type: 'init' }>;

const FLUSH_MS = 100;

/** Yields to the worker's event loop so queued messages (Pause) run between steps. */
const yieldToEvents = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** This worker's runs of one seed. */
interface Group {
  seed: number;
  units: number[];
  cmp: Comparison;
  analysis: AnalysisStream;
}

export class Session {
  private groups: Group[] = [];
  private worker = 0;
  private steps = 0;
  private totalSteps = 0;
  /** Faces of seeds made by other workers: arrived, or awaited. */
  private readonly arrived = new Map<number, ArrayBuffer | SharedArrayBuffer>();
  private readonly waiting = new Map<number, (bytes: ArrayBuffer | SharedArrayBuffer) => void>();
  /** A landscape asked for while steps run: computed between two steps. */
  private landscapeRequested: 1 | 2 | null = null;
  private playing = false;
  /** Play pressed while the session was still being built: start as soon as it is ready. */
  private playRequested = false;
  /** Step pressed while the session was still being built. */
  private stepRequested = false;
  private looping = false;
  private disposed = false;
  private pending: tf.Scalar[][] = [];
  private pendingSteps: number[] = [];
  private windowStart = performance.now();
  private windowMs: number[] = [];

  constructor(
    readonly runId: number,
    private readonly post: Post,
  ) {}

  private get ready(): boolean {
    return this.groups.length > 0;
  }

  private get units(): number[] {
    return this.groups.flatMap((g) => g.units);
  }

  async init(msg: InitMessage): Promise<void> {
    this.worker = msg.worker;
    const seeds = [...new Set(msg.units.map((u) => u.seed))];
    for (const seed of seeds) {
      const issues = validate({ ...msg.config, seed });
      if (issues.length > 0) throw new Error(issues.map((i) => i.message).join(' '));
    }
    const report = await selectBackend(msg.backend);
    if (this.disposed) return;
    this.post({ type: 'backend', runId: this.runId, report });
    this.watchDevice(report.backend);
    // Every worker first makes the faces it was asked to, then waits for the others': no worker
    // ever waits on one that is itself waiting.
    const faces = new Map<number, FaceDataset>();
    for (const seed of msg.makes) {
      const dataset = await makeFaces(msg.config.data, seed, seed === msg.shownSeed, this.runId, this.post);
      if (this.disposed) return;
      faces.set(seed, dataset);
      const bytes = serializeDataset(dataset);
      this.post({ type: 'faces', runId: this.runId, seed, bytes }, [bytes]);
    }
    for (const seed of seeds) {
      if (!faces.has(seed)) faces.set(seed, deserializeDataset(await this.facesFromPage(seed)));
      if (this.disposed) return;
    }
    this.post({ type: 'progress', runId: this.runId, phase: 'build', done: 0, total: 1 });
    const impl = convImplFor(report.backend);
    const untrained: Array<{ seed: number; report: EvalReport }> = [];
    // Built aside and published at once: the session counts as ready only with every group.
    const groups: Group[] = [];
    try {
      for (const seed of seeds) {
        const mine = msg.units.filter((u) => u.seed === seed);
        const config: ExperimentConfig = { ...msg.config, seed, runs: mine.map((u) => specOf(msg.config, u.run)) };
        const cmp = new Comparison(config, faces.get(seed) as FaceDataset, impl);
        const units = mine.map((u) => u.unit);
        groups.push({ seed, units, cmp, analysis: new AnalysisStream(cmp, units, this.runId, this.post, () => !this.disposed) });
        untrained.push({ seed, report: await evaluateUntrained(cmp) });
      }
    } catch (e) {
      for (const g of groups) g.cmp.dispose();
      throw e;
    }
    if (this.disposed) {
      for (const g of groups) g.cmp.dispose();
      return;
    }
    this.totalSteps = msg.config.steps;
    this.groups = groups;
    this.windowMs = this.units.map(() => 0);
    const probeCost = (this.groups[0] as Group).analysis.cost;
    this.post({ type: 'ready', runId: this.runId, worker: this.worker, untrained, probeCost });
    this.postState();
    if (this.playRequested) this.play();
    else if (this.stepRequested) await this.step();
  }

  /** Faces of a seed that another worker makes, delivered through the page. */
  receiveFaces(seed: number, bytes: ArrayBuffer | SharedArrayBuffer): void {
    const resolve = this.waiting.get(seed);
    if (resolve) {
      this.waiting.delete(seed);
      resolve(bytes);
    } else this.arrived.set(seed, bytes);
  }

  private facesFromPage(seed: number): Promise<ArrayBuffer | SharedArrayBuffer> {
    const bytes = this.arrived.get(seed);
    if (bytes) {
      this.arrived.delete(seed);
      return Promise.resolve(bytes);
    }
    return new Promise((resolve) => this.waiting.set(seed, resolve));
  }

  private watchDevice(backend: string): void {
    if (backend !== 'webgpu') return;
    watchGpuDevice((tf.backend() as unknown as { device?: WatchedDevice }).device, (failure) => {
      if (this.disposed) return;
      this.playing = false;
      this.post({ type: 'error', runId: this.runId, recoverable: true, message: gpuFailureMessage(failure) });
    });
  }

  play(): void {
    if (!this.ready) {
      this.playRequested = true;
      return;
    }
    if (this.playing) return;
    this.playing = true;
    this.postState();
    if (!this.looping) void this.loop();
  }

  pause(): void {
    this.playRequested = false;
    this.playing = false;
  }

  /** One lock-step iteration while paused. */
  async step(): Promise<void> {
    if (!this.ready) {
      this.stepRequested = true;
      return;
    }
    if (this.playing || this.looping || this.steps >= this.totalSteps) return;
    this.looping = true;
    try {
      await this.advance();
      await this.flush();
      await this.runPendingLandscape();
    } finally {
      this.looping = false;
    }
    this.postState();
    this.resumeIfPlaying();
  }

  /** Play pressed while a step or a slice ran: the loop starts once they are done. */
  private resumeIfPlaying(): void {
    if (this.playing && !this.looping && !this.disposed) void this.loop();
  }

  private async loop(): Promise<void> {
    this.looping = true;
    try {
      while (this.playing && !this.disposed && this.steps < this.totalSteps) {
        await this.advance();
        if (performance.now() - this.windowStart >= FLUSH_MS) await this.flush();
        await yieldToEvents();
      }
      await this.flush();
      await this.runPendingLandscape();
    } finally {
      this.looping = false;
      this.playing = false;
    }
    if (!this.disposed) this.postState();
  }

  private async advance(): Promise<void> {
    let u = 0;
    const row: tf.Scalar[] = [];
    try {
      for (const g of this.groups) {
        const before = [...g.cmp.stepMsTotal];
        row.push(...g.cmp.stepAll());
        g.cmp.stepMsTotal.forEach((ms, i) => (this.windowMs[u + i] = (this.windowMs[u + i] ?? 0) + ms - (before[i] ?? 0)));
        u += g.units.length;
      }
    } catch (e) {
      tf.dispose(row);
      throw e;
    }
    this.steps += 1;
    this.pending.push(row);
    this.pendingSteps.push(this.steps);
    const every = this.groups[0]?.cmp.config.eval.every ?? 0;
    if ((every > 0 && this.steps % every === 0) || this.steps === this.totalSteps) {
      await this.flush();
      await this.evaluate();
    }
    if (this.groups[0]?.analysis.due()) {
      await this.flush();
      for (const g of this.groups) await g.analysis.measure();
    }
    if (this.groups[0]?.analysis.sliceDue() && this.landscapeRequested === null) this.landscapeRequested = 1;
    await this.runPendingLandscape();
  }

  /** A slice asked for while a step ran; also run after the last step, so none is dropped. */
  private async runPendingLandscape(): Promise<void> {
    if (this.landscapeRequested === null) return;
    const dims = this.landscapeRequested;
    this.landscapeRequested = null;
    for (const g of this.groups) await g.analysis.landscape(dims);
  }

  /** Landscape slices now when idle, else between the next two steps. */
  async landscape(dims: 1 | 2): Promise<void> {
    if (!this.ready) return;
    if (this.looping) {
      this.landscapeRequested = dims;
      return;
    }
    this.looping = true;
    try {
      this.landscapeRequested = dims;
      await this.runPendingLandscape();
    } finally {
      this.looping = false;
    }
    this.resumeIfPlaying();
  }

  private async flush(): Promise<void> {
    if (this.pending.length === 0 || !this.ready) return;
    const rows = this.pending;
    const steps = Int32Array.from(this.pendingSteps);
    this.pending = [];
    this.pendingSteps = [];
    const stacked = tf.tidy(() => tf.stack(rows.map((r) => tf.stack(r)))); // [n, units]
    tf.dispose(rows.flat());
    const values = (await stacked.data()) as Float32Array;
    stacked.dispose();
    const units = this.units;
    const losses = units.map((_, u) => Float32Array.from({ length: steps.length }, (_, k) => values[k * units.length + u] as number));
    const elapsed = performance.now() - this.windowStart;
    const batch: StatsBatch = {
      worker: this.worker,
      units,
      steps,
      losses,
      msPerStep: this.windowMs.map((ms) => ms / steps.length),
      stepsPerSecond: (steps.length * 1000) / Math.max(1, elapsed),
    };
    this.windowStart = performance.now();
    this.windowMs = this.windowMs.map(() => 0);
    if (this.disposed) return;
    this.post({ type: 'stats', runId: this.runId, batch }, [steps.buffer, ...losses.map((l) => l.buffer)] as ArrayBuffer[]);
  }

  private async evaluate(): Promise<void> {
    const reports: EvalReport[] = [];
    for (const g of this.groups) {
      for (let i = 0; i < g.units.length; i++) reports.push(await evaluateRun(g.cmp, i));
    }
    if (!this.disposed) this.post({ type: 'eval', runId: this.runId, result: { step: this.steps, units: this.units, reports } });
  }

  private postState(): void {
    this.post({ type: 'state', runId: this.runId, worker: this.worker, playing: this.playing, step: this.steps });
  }

  /** Stops the loop and frees every tensor; waits for a step in progress to finish first. */
  async dispose(): Promise<void> {
    this.disposed = true;
    this.playing = false;
    while (this.looping) await yieldToEvents();
    tf.dispose(this.pending.flat());
    this.pending = [];
    for (const g of this.groups) g.cmp.dispose();
    this.groups = [];
  }
}

function specOf(config: ExperimentConfig, run: number): RunSpec {
  const spec = config.runs[run];
  if (!spec) throw new Error(`unit of run ${run} asked for, but the config has ${config.runs.length} runs`);
  return spec;
}
