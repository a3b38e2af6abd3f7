/**
 * The training a pool worker drives (an Engine for control.ts): one comparison per seed holding
 * this worker's units of that seed, all stepped in lock-step. Losses stay on the device until a
 * flush (about every 100 ms, and before every evaluation or probe), which stacks them into one
 * tensor and reads it with a single async data(), never a synchronous read.
 *
 * Divergence: a flush that finds a unit's loss non-finite stops that unit at its first such step:
 * its points from there on are dropped, it is not stepped, evaluated or probed again, and the page
 * is told which run and step; the other units carry on.
 */
import type { Comparison } from '../core/train/comparison';
import { evaluateRunWithEmbeddings } from '../core/train/evaluateRuns';
import { embeddingView } from '../core/analysis/embeddingView';
import { SemiSiameseTrainer } from '../core/train/semiSiamese';
import type { EvalReport } from '../core/eval/report';
import * as tf from '../core/tf';
import type { AnalysisStream } from './analysisStream';
import type { Engine } from './control';
import type { GroupCheckpoint, Post, StatsBatch } from './protocol';
import { encodeCheckpoint } from '../core/train/checkpointCodec';
import { DEFAULT_CHECKPOINT_EVERY } from '../core/checkpointEvery';
import type { AnalysisSchedule } from '../core/analysisSchedule';
import { analysisSchedule, dueAt } from '../core/analysisSchedule';

const FLUSH_MS = 100;
/** Least ms between two queue snapshots while training. */
const QUEUE_POST_MS = 1000;

/** This worker's runs of one seed. */
export interface Group {
  seed: number;
  units: number[];
  /** Page labels of the units, for messages ("SST · seed 2"). */
  labels: string[];
  cmp: Comparison;
  analysis: AnalysisStream;
}

export class PoolEngine implements Engine {
  private t = 0;
  /** Per unit (flattened over groups): still training. */
  private readonly active: boolean[];
  private pending: Array<Array<tf.Scalar | null>> = [];
  private pendingSteps: number[] = [];
  private windowStart = performance.now();
  private windowMs: number[];
  private lastQueuePost = -Infinity;
  /** Every group shares the session's config: one schedule for all. */
  private readonly schedule: AnalysisSchedule;

  /** `from`: the step and per-unit active flags of the checkpoint the groups were restored from. */
  constructor(
    private readonly groups: readonly Group[],
    readonly totalSteps: number,
    private readonly worker: number,
    private readonly sessionId: number,
    private readonly post: Post,
    from: { step: number; active: boolean[] } | null = null,
    /**
     * Steps between two periodic checkpoints (the page's setting, core/checkpointEvery.ts). One
     * checkpoint of a demo unit is ~0.1 MB read back and encoded in a few ms.
     */
    checkpointEvery = DEFAULT_CHECKPOINT_EVERY,
  ) {
    this.active = this.units.map((_, u) => from?.active[u] ?? true);
    this.windowMs = this.units.map(() => 0);
    this.t = from?.step ?? 0;
    const config = groups[0]?.cmp.config;
    const none = { total: totalSteps, evalEvery: 0, smoothEvery: 0, sliceEvery: 0, checkpointEvery };
    this.schedule = config ? analysisSchedule({ ...config, steps: totalSteps }, checkpointEvery) : none;
  }

  get steps(): number {
    return this.t;
  }

  private get units(): number[] {
    return this.groups.flatMap((g) => g.units);
  }

  /** Offset of each group's first unit in the flattened unit list. */
  private offset(group: number): number {
    return this.groups.slice(0, group).reduce((a, g) => a + g.units.length, 0);
  }

  /**
   * `signal` cancels the probes and slice due after the step, never the step or its evaluation.
   * `traced`: a unit whose iteration is traced stage by stage and posted ('trace'), if it is here
   * and still training; the numbers are those of a plain step.
   */
  async advance(signal?: AbortSignal, traced?: number): Promise<void> {
    const row: Array<tf.Scalar | null> = [];
    try {
      for (const [gi, g] of this.groups.entries()) {
        const at = this.offset(gi);
        const before = [...g.cmp.stepMsTotal];
        const active = g.units.map((_, i) => this.active[at + i] === true);
        const index = traced === undefined ? -1 : g.units.indexOf(traced);
        if (index >= 0 && active[index]) {
          const { losses, trace } = await g.cmp.stepActiveTraced(active, index);
          row.push(...losses);
          this.post({ type: 'trace', sessionId: this.sessionId, unit: traced as number, trace });
        } else row.push(...g.cmp.stepActive(active));
        g.cmp.stepMsTotal.forEach(
          (ms, i) => (this.windowMs[at + i] = (this.windowMs[at + i] ?? 0) + ms - (before[i] ?? 0)),
        );
      }
    } catch (e) {
      tf.dispose(row.filter((l): l is tf.Scalar => l !== null));
      throw e;
    }
    this.t += 1;
    this.pending.push(row);
    this.pendingSteps.push(this.t);
    const due = dueAt(this.t, this.schedule);
    if (due.evaluate || due.smoothness || performance.now() - this.windowStart >= FLUSH_MS) await this.flush();
    if (due.evaluate) await this.evaluate();
    if (due.smoothness) for (const g of this.groups) await g.analysis.measure((run) => this.isActive(g, run), signal);
    if (due.slice) await this.landscape(1, signal);
    if (due.checkpoint) await this.checkpoint();
  }

  /** Flushes, then posts every group's state at this step, each as a Blob (GroupCheckpoint.bytes says why). */
  async checkpoint(): Promise<void> {
    await this.flush();
    // Training stopped (or a periodic checkpoint): the queue view shows this very step.
    this.postQueues();
    const groups: GroupCheckpoint[] = [];
    for (const [gi, g] of this.groups.entries()) {
      const at = this.offset(gi);
      const bytes = new Blob([encodeCheckpoint(await g.cmp.checkpoint())]);
      groups.push({
        seed: g.seed,
        units: [...g.units],
        active: g.units.map((_, i) => this.active[at + i] === true),
        bytes,
      });
    }
    this.post({
      type: 'checkpoint',
      sessionId: this.sessionId,
      checkpoint: { worker: this.worker, step: this.t, groups },
    });
  }

  private isActive(g: Group, run: number): boolean {
    return this.active[this.offset(this.groups.indexOf(g)) + run] === true;
  }

  async landscape(dims: 1 | 2, signal?: AbortSignal): Promise<void> {
    for (const g of this.groups) await g.analysis.landscape(dims, (run) => this.isActive(g, run), signal);
  }

  async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const rows = this.pending;
    const steps = Int32Array.from(this.pendingSteps);
    this.pending = [];
    this.pendingSteps = [];
    const units = this.units;
    // An inactive unit's slot is NaN: stacking needs a value, and NaN is never shown.
    const stacked = tf.tidy(() => tf.stack(rows.map((r) => tf.stack(r.map((l) => l ?? tf.scalar(NaN)))))); // [n, units]
    tf.dispose(rows.flat().filter((l): l is tf.Scalar => l !== null));
    const values = (await stacked.data()) as Float32Array;
    stacked.dispose();
    const losses = units.map((_, u) =>
      Float32Array.from({ length: steps.length }, (_, k) => values[k * units.length + u] as number),
    );
    const stopped = this.findDivergence(steps, losses);
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
    this.post({ type: 'stats', sessionId: this.sessionId, batch }, [
      steps.buffer,
      ...losses.map((l) => l.buffer),
    ] as ArrayBuffer[]);
    // The queue view: after a single step (Step), else about once a second.
    if (steps.length === 1 || performance.now() - this.lastQueuePost >= QUEUE_POST_MS) this.postQueues();
    for (const d of stopped)
      this.post({ type: 'diverged', sessionId: this.sessionId, unit: d.unit, step: d.step, message: d.message });
  }

  /**
   * Marks units whose loss turned non-finite in this batch as stopped at the first such step. The
   * batch still carries their non-finite values; the page keeps finite points only.
   */
  private findDivergence(
    steps: Int32Array,
    losses: Float32Array[],
  ): Array<{ unit: number; step: number; message: string }> {
    const out: Array<{ unit: number; step: number; message: string }> = [];
    const labels = this.groups.flatMap((g) => g.labels);
    losses.forEach((l, u) => {
      if (!this.active[u]) return;
      const k = l.findIndex((v) => !Number.isFinite(v));
      if (k < 0) return;
      out.push(this.stop(u, steps[k] as number, `loss ${l[k]}`, labels[u]));
    });
    return out;
  }

  /** Marks flattened unit `u` stopped at `step` and says so, naming the run. */
  private stop(
    u: number,
    step: number,
    what: string,
    label: string | undefined,
  ): { unit: number; step: number; message: string } {
    this.active[u] = false;
    const unit = this.units[u] as number;
    return {
      unit,
      step,
      message: `${label ?? `run ${unit}`} diverged at step ${step} (${what}): it stops there, keeping its history and last evaluation; the other runs go on. A smaller learning rate usually helps.`,
    };
  }

  /** Every active SST/MASST unit's queues, copied (a few kB each). */
  private postQueues(): void {
    this.lastQueuePost = performance.now();
    for (const [gi, g] of this.groups.entries()) {
      g.cmp.runs.forEach((run, i) => {
        const trainer = run.trainer;
        if (!(trainer instanceof SemiSiameseTrainer) || !this.active[this.offset(gi) + i]) return;
        const queues = trainer.queues.map((q) => ({
          step: g.cmp.steps,
          pointer: q.pointer,
          slotIds: q.slotIds.slice(),
          writtenAt: q.writtenAt.slice(),
          writer: q.writer.slice(),
        }));
        this.post({
          type: 'queue',
          sessionId: this.sessionId,
          unit: g.units[i] as number,
          queues,
          collisions: trainer.collisions,
        });
      });
    }
  }

  private async evaluate(): Promise<void> {
    const reports: EvalReport[] = [];
    const units: number[] = [];
    for (const [gi, g] of this.groups.entries()) {
      for (let i = 0; i < g.units.length; i++) {
        if (!this.isActive(g, i)) continue;
        // Weights can turn non-finite while the step's loss was still finite: caught here.
        const scored = await evaluateRunWithEmbeddings(g.cmp, i);
        if (scored === null) {
          const d = this.stop(this.offset(gi) + i, this.t, 'weights not finite', g.labels[i]);
          this.post({ type: 'diverged', sessionId: this.sessionId, ...d });
          continue;
        }
        reports.push(scored.report);
        units.push(g.units[i] as number);
        const view = embeddingView(scored.embeddings, g.cmp.config.model.embedDim, g.cmp.dataset.test, this.t);
        this.post({ type: 'embeddings', sessionId: this.sessionId, unit: g.units[i] as number, view }, [
          view.coords.buffer as ArrayBuffer,
        ]);
      }
    }
    if (units.length > 0)
      this.post({ type: 'eval', sessionId: this.sessionId, result: { step: this.t, units, reports } });
  }

  dispose(): void {
    tf.dispose(this.pending.flat().filter((l): l is tf.Scalar => l !== null));
    this.pending = [];
    for (const g of this.groups) g.cmp.dispose();
  }
}
