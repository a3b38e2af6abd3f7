/**
 * Run control of one pool worker as an explicit state machine, apart from the training it
 * drives (an Engine), so every transition and error path is tested with a fake engine and a fake
 * post (control.test.ts).
 *
 *   building ──built──▶ ready ──play──▶ training ──pause / last step──▶ ready | finished
 *                         │  ▲                │ landscape: between two steps
 *                    step │  │ done           ▼
 *                         ▼  │             (error) ──▶ failed
 *                  stepping / slicing
 *
 * Commands that arrive while another operation runs are remembered (Play during a Step starts
 * training when the Step is done; a slice during training runs between two steps); only one
 * operation touches the engine at a time. Pause cancels a probe or slice in progress (an
 * AbortSignal passed down, checked between two forward passes), dispose (Reset, New seed) also the
 * face generation of the build. A cancellation is not a failure. Training that stops (Pause, the
 * last step, a Step) ends with a checkpoint, besides the engine's periodic ones. Any error ends in `failed` with a
 * message naming what failed and at which step; the losses up to then are flushed first, and the
 * controls stay usable (Reset starts a new session).
 */

import { isAbort } from '../core/abort';
import type { RunPhase } from './protocol';

export type { RunPhase };

/** The training a control drives. Every method may throw. */
export interface Engine {
  /** Steps taken so far and in all. */
  readonly steps: number;
  readonly totalSteps: number;
  /**
   * One step of every active unit, then the flushes, evaluations and probes due after it; the
   * signal cancels the probes. With `traced`, that unit's iteration is traced (if this engine has it).
   */
  advance(signal: AbortSignal, traced?: number): Promise<void>;
  /** Sends the losses not yet sent. */
  flush(): Promise<void>;
  landscape(dims: 1 | 2, signal: AbortSignal): Promise<void>;
  /** Sends a checkpoint of the training state now (after the losses are flushed). */
  checkpoint(): Promise<void>;
  dispose(): void;
}

export interface ControlEvents {
  state(phase: RunPhase, step: number): void;
  error(message: string): void;
}

/** Yields to the worker's event loop so queued messages (Pause) run between steps. */
const yieldToEvents = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** Waits `ms`, or less if the signal aborts first (it never rejects). */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done);
  });
}

export class RunControl {
  private current: RunPhase = 'building';
  private engine: Engine | null = null;
  private wantPlay = false;
  private wantStep = false;
  /** The unit a wanted Step traces (Step slowly), or null. */
  private traceUnit: number | null = null;
  /** Minimum ms between two training steps (a steps-per-second cap); 0 = full speed. */
  private minStepMs = 0;
  private wantSlice: 1 | 2 | null = null;
  /** A checkpoint asked for while training (the page is being hidden): taken after the current step. */
  private wantCheckpoint = false;
  /** The operation touching the engine now, if any, and how to cancel it (or the build). */
  private busy: Promise<void> | null = null;
  private cancel: AbortController | null = null;

  constructor(private readonly events: ControlEvents) {}

  get phase(): RunPhase {
    return this.current;
  }

  private set(phase: RunPhase): void {
    this.current = phase;
    this.events.state(phase, this.engine?.steps ?? 0);
  }

  /** Builds the engine; commands given meanwhile run once it is ready. */
  async start(build: (signal: AbortSignal) => Promise<Engine | null>): Promise<void> {
    let engine: Engine | null;
    const cancel = new AbortController();
    this.cancel = cancel;
    try {
      engine = await build(cancel.signal);
    } catch (e) {
      if (!isAbort(e)) this.fail('building the session', e);
      return;
    } finally {
      if (this.cancel === cancel) this.cancel = null;
    }
    if (engine === null || this.current === 'disposed') {
      engine?.dispose();
      return;
    }
    this.engine = engine;
    this.set(engine.steps >= engine.totalSteps ? 'finished' : 'ready');
    this.kick();
  }

  play(): void {
    if (this.refuseIfFailed('Train')) return;
    this.wantPlay = true;
    this.kick();
  }

  pause(): void {
    this.wantPlay = false;
    this.wantStep = false;
    // A probe or slice in progress stops at its next forward pass; a training step finishes.
    if (this.busy) this.cancel?.abort();
  }

  /** One iteration of every unit; with `traced`, that unit's is traced stage by stage (Step slowly). */
  step(traced: number | null = null): void {
    if (this.refuseIfFailed(traced === null ? 'Step' : 'Step slowly')) return;
    if (this.current === 'training') return;
    this.wantStep = true;
    this.traceUnit = traced;
    this.kick();
  }

  /** At most `stepsPerSecond` training steps a second (null: as fast as it goes); applies from the next step. */
  setSpeed(stepsPerSecond: number | null): void {
    this.minStepMs = stepsPerSecond === null || !(stepsPerSecond > 0) ? 0 : 1000 / stepsPerSecond;
  }

  landscape(dims: 1 | 2): void {
    if (this.refuseIfFailed('A landscape slice')) return;
    this.wantSlice = dims;
    this.kick();
  }

  /**
   * The page is being hidden or closed: while training, a checkpoint after the current step, so a
   * reload resumes from there rather than from the last periodic one. Otherwise nothing: training
   * that stopped (Pause, Step, the last step) already ended with one, and building has no steps.
   */
  checkpointNow(): void {
    if (this.current === 'training') this.wantCheckpoint = true;
  }

  /** Stops after the operation in progress and frees the engine. */
  async dispose(): Promise<void> {
    this.wantPlay = false;
    this.wantStep = false;
    this.wantSlice = null;
    this.current = 'disposed';
    this.cancel?.abort();
    while (this.busy) await this.busy;
    this.engine?.dispose();
    this.engine = null;
  }

  /** Resolves once no operation runs (for tests and dispose). */
  async idle(): Promise<void> {
    while (this.busy) await this.busy;
  }

  private refuseIfFailed(what: string): boolean {
    if (this.current !== 'failed') return false;
    this.events.error(`${what} is not possible after the failure above: press Reset to start again from step 0.`);
    this.events.state(this.current, this.engine?.steps ?? 0);
    return true;
  }

  /** Starts the next wanted operation if none runs. */
  private kick(): void {
    if (this.busy || !this.engine || (this.current !== 'ready' && this.current !== 'finished')) return;
    const engine = this.engine;
    const done = engine.steps >= engine.totalSteps;
    let op: ((signal: AbortSignal) => Promise<void>) | null = null;
    if (this.wantSlice !== null) {
      const dims = this.wantSlice;
      this.wantSlice = null;
      op = (signal) => this.slice(engine, dims, signal);
    } else if (this.wantStep && !done) {
      this.wantStep = false;
      const traced = this.traceUnit;
      this.traceUnit = null;
      op = (signal) => this.stepOnce(engine, signal, traced);
    } else if (this.wantPlay && !done) {
      op = (signal) => this.train(engine, signal);
    } else {
      // A Train or Step with nothing left to do: say so by re-sending the state.
      const dropped = this.wantStep || this.wantPlay;
      this.wantStep = false;
      this.wantPlay = false;
      if (done && this.current !== 'finished') this.set('finished');
      else if (dropped) this.events.state(this.current, engine.steps);
      return;
    }
    const cancel = new AbortController();
    this.cancel = cancel;
    this.busy = op(cancel.signal).finally(() => {
      this.busy = null;
      if (this.cancel === cancel) this.cancel = null;
      if (this.current !== 'failed' && this.current !== 'disposed') this.kick();
    });
  }

  /** Runs an operation; true when it ended normally or was cancelled, false when it failed. */
  private async guarded(what: string, engine: Engine, run: () => Promise<void>): Promise<boolean> {
    try {
      await run();
      return true;
    } catch (e) {
      // Losses of the steps before the failure (or the cancellation) still reach the page.
      await engine.flush().catch(() => undefined);
      if (isAbort(e)) return true;
      this.fail(`${what} at step ${engine.steps}`, e);
      return false;
    }
  }

  private async stepOnce(engine: Engine, signal: AbortSignal, traced: number | null): Promise<void> {
    this.set('stepping');
    const ok = await this.guarded('a training step', engine, async () => {
      await engine.advance(signal, traced ?? undefined);
      await engine.flush();
    });
    if (!ok) return;
    await this.saveCheckpoint(engine);
    this.settle(engine);
  }

  private async slice(engine: Engine, dims: 1 | 2, signal: AbortSignal): Promise<void> {
    this.set('slicing');
    const ok = await this.guarded(`the ${dims}-D landscape slice`, engine, () => engine.landscape(dims, signal));
    if (ok) this.settle(engine);
  }

  private async train(engine: Engine, signal: AbortSignal): Promise<void> {
    this.set('training');
    const ok = await this.guarded('training', engine, async () => {
      while (this.wantPlay && this.current === 'training' && engine.steps < engine.totalSteps) {
        const started = performance.now();
        await engine.advance(signal);
        if (this.wantSlice !== null) {
          await engine.flush();
          const dims = this.wantSlice;
          this.wantSlice = null;
          await engine.landscape(dims, signal);
        }
        if (this.wantCheckpoint) {
          this.wantCheckpoint = false;
          await this.saveCheckpoint(engine);
        }
        await yieldToEvents();
        // A speed cap: wait out the rest of this step's time slot (Pause ends the wait).
        const rest = this.minStepMs - (performance.now() - started);
        if (rest > 0 && this.wantPlay) await sleep(rest, signal);
      }
      await engine.flush();
    });
    this.wantCheckpoint = false;
    if (!ok) return;
    // Pause (or a cancelled probe) or the last step: what a reload resumes from.
    await this.saveCheckpoint(engine);
    if (engine.steps >= engine.totalSteps) this.wantPlay = false;
    this.settle(engine);
  }

  /** A checkpoint that cannot be saved is reported, but training is not stopped for it. */
  private async saveCheckpoint(engine: Engine): Promise<void> {
    if (this.current === 'disposed') return;
    try {
      await engine.checkpoint();
    } catch (e) {
      this.events.error(
        `Saving a checkpoint at step ${engine.steps} failed: ${e instanceof Error ? e.message : String(e)}. Training can go on; a reload would resume from an earlier checkpoint.`,
      );
    }
  }

  private settle(engine: Engine): void {
    if (this.current === 'disposed') return;
    this.set(engine.steps >= engine.totalSteps ? 'finished' : 'ready');
  }

  private fail(what: string, e: unknown): void {
    this.wantPlay = false;
    this.wantStep = false;
    this.wantSlice = null;
    if (this.current === 'disposed') return;
    this.events.error(
      `${what[0]?.toUpperCase() ?? ''}${what.slice(1)} failed: ${e instanceof Error ? e.message : String(e)}`,
    );
    this.set('failed');
  }
}
