/**
 * One training session in the worker: backend, dataset, lock-step comparison and the play loop.
 * Steps run back to back while playing, yielding to the message queue between steps so Pause is
 * handled at once. Losses stay on the device until a flush (about every 100 ms), which stacks
 * them into one tensor and reads it with a single async data(), never a synchronous read.
 */
import type { ExperimentConfig } from '../core/config';
import { generateDatasetWithStats } from '../core/data/dataset';
import { initRasterizer, isRasterizerReady } from '../core/data/rasterize';
import type { FaceDataset } from '../core/data/types';
import { convImplFor } from '../core/model/conv';
import * as tf from '../core/tf';
import { Comparison } from '../core/train/comparison';
import { evaluateRun, evaluateUntrained } from '../core/train/evaluateRuns';
import { validate } from '../core/validate';
import resvgWasmUrl from '@resvg/resvg-wasm/index_bg.wasm?url';
import { AnalysisStream } from './analysisStream';
import { selectBackend } from './backend';
import { loadCachedDataset, storeDataset } from './datasetCache';
import { summarizeDataset, summaryTransfer } from './datasetSummary';
import type { WatchedDevice } from './gpuWatch';
import { gpuFailureMessage, watchGpuDevice } from './gpuWatch';
import type { BackendChoice, FromWorker, StatsBatch } from './protocol';

export type Post = (msg: FromWorker, transfer?: Transferable[]) => void;

const FLUSH_MS = 100;

/** Yields to the worker's event loop so queued messages (Pause) run between steps. */
const yieldToEvents = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export class Session {
  private cmp: Comparison | null = null;
  private analysis: AnalysisStream | null = null;
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

  async init(config: ExperimentConfig, choice: BackendChoice): Promise<void> {
    const issues = validate(config);
    if (issues.length > 0) throw new Error(issues.map((i) => i.message).join(' '));
    const report = await selectBackend(choice);
    this.post({ type: 'backend', runId: this.runId, report });
    this.watchDevice(report.backend);
    const dataset = await this.dataset(config);
    if (this.disposed) return;
    this.post({ type: 'progress', runId: this.runId, phase: 'build', done: 0, total: 1 });
    this.cmp = new Comparison(config, dataset, convImplFor(report.backend));
    this.windowMs = this.cmp.runs.map(() => 0);
    this.analysis = new AnalysisStream(this.cmp, this.runId, this.post, () => !this.disposed);
    const untrained = await evaluateUntrained(this.cmp);
    if (this.disposed) return;
    this.post({ type: 'ready', runId: this.runId, runs: config.runs, untrained, probeCost: this.analysis.cost });
    this.postState();
    if (this.playRequested) this.play();
    else if (this.stepRequested) await this.step();
  }

  private async dataset(config: ExperimentConfig): Promise<FaceDataset> {
    const cached = await loadCachedDataset(config.data, config.seed);
    if (cached) {
      const summary = summarizeDataset(cached, null);
      this.post({ type: 'dataset', runId: this.runId, summary }, summaryTransfer(summary));
      return cached;
    }
    if (!isRasterizerReady()) await initRasterizer(fetch(resvgWasmUrl));
    let last = 0;
    const { dataset, imagesPerSecond } = await generateDatasetWithStats(config.data, config.seed, (done, total) => {
      const now = performance.now();
      if (now - last < FLUSH_MS && done < total) return;
      last = now;
      this.post({ type: 'progress', runId: this.runId, phase: 'data', done, total });
    });
    await storeDataset(config.data, config.seed, dataset);
    const summary = summarizeDataset(dataset, imagesPerSecond);
    this.post({ type: 'dataset', runId: this.runId, summary }, summaryTransfer(summary));
    return dataset;
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
    if (!this.cmp) {
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
    if (!this.cmp) {
      this.stepRequested = true;
      return;
    }
    if (this.playing || this.looping) return;
    this.looping = true;
    try {
      await this.advance();
      await this.flush();
      await this.runPendingLandscape();
    } finally {
      this.looping = false;
    }
    this.postState();
  }

  private async loop(): Promise<void> {
    this.looping = true;
    try {
      while (this.playing && !this.disposed && this.cmp && this.cmp.steps < this.cmp.config.steps) {
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
    const cmp = this.cmp as Comparison;
    const before = [...cmp.stepMsTotal];
    this.pending.push(cmp.stepAll());
    this.pendingSteps.push(cmp.steps);
    cmp.stepMsTotal.forEach((ms, i) => (this.windowMs[i] = (this.windowMs[i] ?? 0) + ms - (before[i] ?? 0)));
    const every = cmp.config.eval.every;
    if ((every > 0 && cmp.steps % every === 0) || cmp.steps === cmp.config.steps) {
      await this.flush();
      await this.evaluate();
    }
    if (this.analysis?.due()) {
      await this.flush();
      await this.analysis.measure();
    }
    if (this.analysis?.sliceDue() && this.landscapeRequested === null) this.landscapeRequested = 1;
    await this.runPendingLandscape();
  }

  /** A slice asked for while a step ran; also run after the last step, so none is dropped. */
  private async runPendingLandscape(): Promise<void> {
    if (this.landscapeRequested === null || !this.analysis) return;
    const dims = this.landscapeRequested;
    this.landscapeRequested = null;
    await this.analysis.landscape(dims);
  }

  /** Landscape slices now when idle, else between the next two steps. */
  async landscape(dims: 1 | 2): Promise<void> {
    if (!this.analysis) return;
    if (this.looping) {
      this.landscapeRequested = dims;
      return;
    }
    this.looping = true;
    try {
      await this.analysis.landscape(dims);
      await this.runPendingLandscape();
    } finally {
      this.looping = false;
    }
  }

  private async flush(): Promise<void> {
    if (this.pending.length === 0 || !this.cmp) return;
    const rows = this.pending;
    const steps = Int32Array.from(this.pendingSteps);
    this.pending = [];
    this.pendingSteps = [];
    const stacked = tf.tidy(() => tf.stack(rows.map((r) => tf.stack(r)))); // [n, runs]
    tf.dispose(rows.flat());
    const values = (await stacked.data()) as Float32Array;
    stacked.dispose();
    const runs = this.cmp.runs.length;
    const losses = this.cmp.runs.map((_, r) => Float32Array.from({ length: steps.length }, (_, k) => values[k * runs + r] as number));
    const elapsed = performance.now() - this.windowStart;
    const batch: StatsBatch = {
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
    const cmp = this.cmp as Comparison;
    const reports = [];
    for (let i = 0; i < cmp.runs.length; i++) reports.push(await evaluateRun(cmp, i));
    if (!this.disposed) this.post({ type: 'eval', runId: this.runId, result: { step: cmp.steps, reports } });
  }

  private postState(): void {
    this.post({ type: 'state', runId: this.runId, playing: this.playing, step: this.cmp?.steps ?? 0 });
  }

  /** Stops the loop and frees every tensor; waits for a step in progress to finish first. */
  async dispose(): Promise<void> {
    this.disposed = true;
    this.playing = false;
    while (this.looping) await yieldToEvents();
    tf.dispose(this.pending.flat());
    this.pending = [];
    this.cmp?.dispose();
    this.cmp = null;
  }
}
