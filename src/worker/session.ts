/**
 * One session in a pool worker: it selects the backend, makes or receives the faces of its seeds,
 * builds one comparison per seed for its units (engine.ts) and hands them to the run control
 * (control.ts), which runs Play, Pause, Step and slices and turns every failure into a message.
 */
import type { ExperimentConfig, RunSpec } from '../core/config';
import { runLabel } from '../core/config';
import { deserializeDataset, serializeDataset } from '../core/data/cache';
import type { FaceDataset } from '../core/data/types';
import type { EvalReport } from '../core/eval/report';
import { convImplFor } from '../core/model/conv';
import * as tf from '../core/tf';
import { Comparison } from '../core/train/comparison';
import { evaluateUntrained } from '../core/train/evaluateRuns';
import { outOfMemoryMessage } from '../core/outOfMemory';
import { AnalysisStream } from './analysisStream';
import { selectBackend } from './backend';
import { RunControl } from './control';
import type { Group } from './engine';
import { PoolEngine } from './engine';
import { makeFaces } from './faces';
import { readProbe } from './probeWeights';
import type { WatchedDevice } from './gpuWatch';
import { gpuFailureMessage, watchGpuDevice } from './gpuWatch';
import type { Post, ToWorker, WorkerCheckpoint } from './protocol';
import { decodeCheckpoint } from '../core/train/checkpointCodec';

export type InitMessage = Extract<ToWorker, { type: 'init' }>;

export class Session {
  readonly control: RunControl;
  private disposed = false;
  /** Faces of seeds made by other workers: arrived, or awaited. */
  private readonly arrived = new Map<number, ArrayBuffer | SharedArrayBuffer>();
  private readonly waiting = new Map<number, (bytes: ArrayBuffer | SharedArrayBuffer) => void>();
  /** The comparisons once built (owned by the engine, which disposes them after `disposed` is set). */
  private groups: readonly Group[] = [];
  /** The session's config, once init arrived (for the out-of-memory message). */
  private config: ExperimentConfig | null = null;

  constructor(
    readonly sessionId: number,
    private readonly worker: number,
    private readonly post: Post,
  ) {
    this.control = new RunControl({
      state: (phase, step) => post({ type: 'state', sessionId, worker, phase, step }),
      // The wasm heap's bare "Aborted()" said as out of memory, with the form's settings that fit.
      error: (message) =>
        post({
          type: 'error',
          sessionId,
          message: (this.config && outOfMemoryMessage(message, this.config, 'page')) ?? message,
        }),
    });
  }

  init(msg: InitMessage): Promise<void> {
    this.config = msg.config;
    return this.control.start((signal) => this.build(msg, signal));
  }

  private async build(msg: InitMessage, signal: AbortSignal): Promise<PoolEngine | null> {
    // The page validated this config once, when it changed (App's form; a restored comparison and a
    // sweep's cells are checked before they reach a worker): the worker does not check it again.
    const seeds = [...new Set(msg.units.map((u) => u.seed))];
    const report = await selectBackend({
      choice: msg.backend,
      threads: msg.wasmThreads,
      measurement: msg.measurement,
      trialFailure: msg.trialFailure,
    });
    if (this.disposed) return null;
    this.post({ type: 'backend', sessionId: this.sessionId, report });
    this.watchDevice(report.backend);
    // Every worker first makes the faces it was asked to, then waits for the others': no worker
    // ever waits on one that is itself waiting.
    const faces = new Map<number, FaceDataset>();
    for (const seed of msg.makes) {
      const dataset = await makeFaces(
        msg.config.data,
        seed,
        seed === msg.shownSeed,
        this.sessionId,
        this.post,
        signal,
        msg.folder,
      );
      if (this.disposed) return null;
      faces.set(seed, dataset);
      const bytes = serializeDataset(dataset);
      this.post({ type: 'faces', sessionId: this.sessionId, seed, bytes }, [bytes]);
    }
    for (const seed of seeds) {
      if (!faces.has(seed)) faces.set(seed, deserializeDataset(await this.facesFromPage(seed)));
      if (this.disposed) return null;
    }
    this.post({ type: 'progress', sessionId: this.sessionId, phase: 'build', done: 0, total: 1 });
    const impl = convImplFor(report.backend);
    const untrained: Array<{ seed: number; report: EvalReport }> = [];
    const groups: Group[] = [];
    try {
      for (const seed of seeds) {
        const mine = msg.units.filter((u) => u.seed === seed);
        const config: ExperimentConfig = { ...msg.config, seed, runs: mine.map((u) => specOf(msg.config, u.run)) };
        const cmp = new Comparison(config, faces.get(seed) as FaceDataset, impl);
        const units = mine.map((u) => u.unit);
        // Messages always name the seed: a worker cannot tell from its own units whether the
        // comparison has others.
        const labels = config.runs.map((r) => `${runLabel(r)} · seed ${seed}`);
        groups.push({
          seed,
          units,
          labels,
          cmp,
          analysis: new AnalysisStream(cmp, units, this.sessionId, this.post, () => !this.disposed),
        });
        untrained.push({ seed, report: await evaluateUntrained(cmp) });
      }
    } catch (e) {
      for (const g of groups) g.cmp.dispose();
      throw e;
    }
    if (this.disposed) {
      for (const g of groups) g.cmp.dispose();
      return null;
    }
    let from: { step: number; active: boolean[] } | null = null;
    try {
      from = msg.resume === null ? null : await restoreGroups(groups, msg.resume);
    } catch (e) {
      for (const g of groups) g.cmp.dispose();
      throw e;
    }
    const smoothnessCost = (groups[0] as Group).analysis.cost;
    this.groups = groups;
    this.post({ type: 'ready', sessionId: this.sessionId, worker: this.worker, untrained, smoothnessCost });
    return new PoolEngine(groups, msg.config.steps, this.worker, this.sessionId, this.post, from, msg.checkpointEvery);
  }

  /** Posts `unit`'s probe weights as they are now (probeWeights.ts), or why not. */
  async sendProbe(unit: number, request: number): Promise<void> {
    const { result, transfer } = this.disposed
      ? { result: { ok: false as const, message: 'the comparison was reset' }, transfer: [] }
      : await readProbe(this.groups, unit);
    this.post({ type: 'probeWeights', sessionId: this.sessionId, request, result }, transfer);
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
      this.control.pause();
      this.post({ type: 'error', sessionId: this.sessionId, message: gpuFailureMessage(failure) });
    });
  }

  /** Stops after the operation in progress and frees every tensor. */
  async dispose(): Promise<void> {
    this.disposed = true;
    // A build waiting for another worker's faces would wait forever: release it.
    for (const resolve of this.waiting.values()) resolve(new ArrayBuffer(0));
    this.waiting.clear();
    await this.control.dispose();
  }
}

/**
 * Restores each group from the checkpoint's group of the same seed and units; returns the step and
 * the per-unit active flags (flattened over the groups) the engine continues from.
 */
export async function restoreGroups(
  groups: readonly Group[],
  ck: WorkerCheckpoint,
): Promise<{ step: number; active: boolean[] }> {
  const active: boolean[] = [];
  for (const g of groups) {
    const saved = ck.groups.find((s) => s.seed === g.seed);
    if (!saved || saved.units.join() !== g.units.join()) {
      throw new Error(
        `the checkpoint of worker ${ck.worker + 1} does not hold seed ${g.seed}'s runs ${g.labels.join(', ')}: restore with the same number of workers`,
      );
    }
    const restored = decodeCheckpoint(await saved.bytes.arrayBuffer(), `the stored checkpoint of seed ${g.seed}`);
    if (restored.step !== ck.step)
      throw new Error(
        `the stored checkpoint of seed ${g.seed} is at step ${restored.step}, its worker's at ${ck.step}`,
      );
    g.cmp.restore(restored);
    active.push(...saved.active);
  }
  return { step: ck.step, active };
}

function specOf(config: ExperimentConfig, run: number): RunSpec {
  const spec = config.runs[run];
  if (!spec) throw new Error(`unit of run ${run} asked for, but the config has ${config.runs.length} runs`);
  return spec;
}
