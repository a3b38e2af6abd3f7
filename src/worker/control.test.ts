import { describe, expect, it } from 'vitest';
import type { Engine, RunPhase } from './control';
import { RunControl } from './control';

/** An engine whose steps take a macrotask each, with failures on demand and a call log. */
class FakeEngine implements Engine {
  steps = 0;
  flushed = 0;
  disposed = false;
  slices: number[] = [];
  log: string[] = [];
  failAt: { what: 'advance' | 'flush' | 'landscape' | 'checkpoint'; step: number } | null = null;
  /** Steps at which a checkpoint was sent. */
  checkpoints: number[] = [];

  constructor(readonly totalSteps: number) {}

  async advance(): Promise<void> {
    await new Promise((r) => setTimeout(r, 1));
    if (this.failAt?.what === 'advance' && this.steps === this.failAt.step) throw new Error('kernel exploded');
    this.steps += 1;
    this.log.push(`step ${this.steps}`);
  }

  async flush(): Promise<void> {
    if (this.failAt?.what === 'flush' && this.steps >= this.failAt.step) throw new Error('read failed');
    this.flushed = this.steps;
  }

  /** Slices of `slowSlice` forward passes (1 ms each) honour the signal between two of them. */
  slowSlice = 1;

  async landscape(dims: 1 | 2, signal: AbortSignal): Promise<void> {
    for (let k = 0; k < this.slowSlice; k++) {
      await new Promise((r) => setTimeout(r, 1));
      signal.throwIfAborted();
    }
    if (this.failAt?.what === 'landscape') throw new Error('slice broke');
    this.slices.push(dims);
    this.log.push(`slice ${dims} at ${this.steps}`);
  }

  async checkpoint(): Promise<void> {
    await Promise.resolve();
    if (this.failAt?.what === 'checkpoint') throw new Error('quota exceeded');
    this.checkpoints.push(this.steps);
  }

  dispose(): void {
    this.disposed = true;
  }
}

function setup(total = 5) {
  const states: Array<[RunPhase, number]> = [];
  const errors: string[] = [];
  const control = new RunControl({ state: (p, s) => states.push([p, s]), error: (m) => errors.push(m) });
  const engine = new FakeEngine(total);
  return { control, engine, states, errors, phases: () => states.map(([p]) => p) };
}

const until = async (cond: () => boolean): Promise<void> => {
  for (let i = 0; i < 2000 && !cond(); i++) await new Promise((r) => setTimeout(r, 1));
  expect(cond()).toBe(true);
};

describe('run control (state machine)', () => {
  it('checkpoints after the current step when the page is hidden while training, and not while paused', async () => {
    const t = setup(1000);
    await t.control.start(async () => t.engine);
    t.control.checkpointNow();
    t.control.play();
    await until(() => t.engine.steps >= 3);
    t.control.checkpointNow();
    await until(() => t.engine.checkpoints.length === 1);
    const at = t.engine.checkpoints[0] as number;
    expect(at).toBeGreaterThanOrEqual(3);
    // Training goes on after it.
    await until(() => t.engine.steps >= at + 2);
    t.control.pause();
    await t.control.idle();
    const paused = t.engine.checkpoints.length;
    t.control.checkpointNow();
    await t.control.idle();
    expect(t.engine.checkpoints.length).toBe(paused);
    expect(t.errors).toEqual([]);
  });

  it('builds, then plays to the end and finishes with every loss flushed', async () => {
    const t = setup(4);
    await t.control.start(async () => t.engine);
    expect(t.control.phase).toBe('ready');
    t.control.play();
    await until(() => t.control.phase === 'finished');
    expect(t.engine.steps).toBe(4);
    expect(t.engine.flushed).toBe(4);
    expect(t.phases()).toEqual(['ready', 'training', 'finished']);
    expect(t.engine.checkpoints).toEqual([4]);
    t.control.play();
    t.control.step();
    await t.control.idle();
    expect(t.engine.steps).toBe(4);
  });

  it('keeps Play and Step given while building and runs them once built', async () => {
    const t = setup(10);
    let release: (e: Engine) => void = () => undefined;
    const started = t.control.start(() => new Promise<Engine>((r) => (release = r)));
    t.control.step();
    expect(t.control.phase).toBe('building');
    release(t.engine);
    await started;
    await until(() => t.control.phase === 'ready' && t.engine.steps === 1);
    const p = setup(3);
    const built = p.control.start(() => new Promise<Engine>((r) => setTimeout(() => r(p.engine), 5)));
    p.control.play();
    await built;
    await until(() => p.control.phase === 'finished');
    expect(p.engine.steps).toBe(3);
  });

  it('pauses between two steps and steps by exactly one while paused', async () => {
    const t = setup(1000);
    await t.control.start(async () => t.engine);
    t.control.play();
    await until(() => t.engine.steps >= 3);
    t.control.pause();
    await t.control.idle();
    const paused = t.engine.steps;
    expect(t.control.phase).toBe('ready');
    expect(t.engine.flushed).toBe(paused);
    // Pause ends with a checkpoint at the step it stopped at, and so does a Step.
    expect(t.engine.checkpoints).toEqual([paused]);
    t.control.step();
    await t.control.idle();
    expect(t.engine.steps).toBe(paused + 1);
    expect(t.engine.flushed).toBe(paused + 1);
    expect(t.engine.checkpoints).toEqual([paused, paused + 1]);
    t.control.step();
    t.control.step();
    await t.control.idle();
    // a Step pressed while one runs is not queued twice
    expect(t.engine.steps).toBeLessThanOrEqual(paused + 3);
  });

  it('Play pressed during a Step starts training once the Step is done', async () => {
    const t = setup(6);
    await t.control.start(async () => t.engine);
    t.control.step();
    expect(t.control.phase).toBe('stepping');
    t.control.play();
    await until(() => t.control.phase === 'finished');
    expect(t.engine.steps).toBe(6);
  });

  it('runs a slice asked for during training between two steps, and on its own when paused', async () => {
    const t = setup(1000);
    await t.control.start(async () => t.engine);
    t.control.play();
    await until(() => t.engine.steps >= 2);
    t.control.landscape(2);
    await until(() => t.engine.slices.length === 1);
    expect(t.control.phase).toBe('training');
    t.control.pause();
    await t.control.idle();
    t.control.landscape(1);
    expect(t.control.phase).toBe('slicing');
    await t.control.idle();
    expect(t.engine.slices).toEqual([2, 1]);
    expect(t.control.phase).toBe('ready');
  });

  it('an error while training ends in failed, naming the step, with the losses before it flushed', async () => {
    const t = setup(100);
    await t.control.start(async () => t.engine);
    t.engine.failAt = { what: 'advance', step: 7 };
    t.control.play();
    await until(() => t.control.phase === 'failed');
    expect(t.errors).toEqual(['Training at step 7 failed: kernel exploded']);
    expect(t.engine.flushed).toBe(7);
    // the controls answer: Train and Step explain what to do instead of hanging
    t.control.play();
    t.control.step();
    expect(t.errors.slice(1)).toEqual([
      'Train is not possible after the failure above: press Reset to start again from step 0.',
      'Step is not possible after the failure above: press Reset to start again from step 0.',
    ]);
    expect(t.states[t.states.length - 1]).toEqual(['failed', 7]);
    await t.control.dispose();
    expect(t.engine.disposed).toBe(true);
  });

  it('errors of a step, a flush, a slice and the build each end in failed with their name', async () => {
    const step = setup(10);
    await step.control.start(async () => step.engine);
    step.engine.failAt = { what: 'advance', step: 0 };
    step.control.step();
    await step.control.idle();
    expect(step.errors).toEqual(['A training step at step 0 failed: kernel exploded']);

    const flush = setup(10);
    await flush.control.start(async () => flush.engine);
    flush.engine.failAt = { what: 'flush', step: 1 };
    flush.control.step();
    await flush.control.idle();
    expect(flush.control.phase).toBe('failed');
    expect(flush.errors[0]).toBe('A training step at step 1 failed: read failed');

    const slice = setup(10);
    await slice.control.start(async () => slice.engine);
    slice.engine.failAt = { what: 'landscape', step: 0 };
    slice.control.landscape(2);
    await slice.control.idle();
    expect(slice.errors).toEqual(['The 2-D landscape slice at step 0 failed: slice broke']);

    const build = setup();
    await build.control.start(async () => {
      throw new Error('no faces');
    });
    expect(build.control.phase).toBe('failed');
    expect(build.errors).toEqual(['Building the session failed: no faces']);
  });

  it('a checkpoint that fails is reported, and training is not stopped for it', async () => {
    const t = setup(3);
    await t.control.start(async () => t.engine);
    t.engine.failAt = { what: 'checkpoint', step: 0 };
    t.control.step();
    await t.control.idle();
    expect(t.control.phase).toBe('ready');
    expect(t.errors).toEqual([
      'Saving a checkpoint at step 1 failed: quota exceeded. Training can go on; a reload would resume from an earlier checkpoint.',
    ]);
    t.engine.failAt = null;
    t.control.play();
    await until(() => t.control.phase === 'finished');
    expect(t.engine.checkpoints).toEqual([3]);
  });

  it('Pause cancels a slice part-way without an error, and the run can go on', async () => {
    const t = setup(5);
    await t.control.start(async () => t.engine);
    t.engine.slowSlice = 100_000;
    t.control.landscape(2);
    await until(() => t.control.phase === 'slicing');
    await new Promise((r) => setTimeout(r, 5));
    t.control.pause();
    await t.control.idle();
    expect(t.control.phase).toBe('ready');
    expect(t.errors).toEqual([]);
    expect(t.engine.slices).toEqual([]);
    t.control.play();
    await until(() => t.control.phase === 'finished');
    expect(t.engine.steps).toBe(5);
  });

  it('dispose during the build cancels it (a face generation stops) and frees what it built', async () => {
    const t = setup();
    let seen: AbortSignal | null = null;
    const started = t.control.start((signal) => {
      seen = signal;
      return new Promise<Engine>((resolve, reject) => {
        signal.addEventListener('abort', () => reject(signal.reason as Error));
        setTimeout(() => resolve(t.engine), 10_000);
      });
    });
    await t.control.dispose();
    await started;
    expect((seen as AbortSignal | null)?.aborted).toBe(true);
    expect(t.errors).toEqual([]);
    expect(t.control.phase).toBe('disposed');
  });

  it('dispose waits for the step in progress, frees the engine and silences everything after', async () => {
    const t = setup(1000);
    await t.control.start(async () => t.engine);
    t.control.play();
    await until(() => t.engine.steps >= 2);
    await t.control.dispose();
    const steps = t.engine.steps;
    expect(t.engine.disposed).toBe(true);
    expect(t.control.phase).toBe('disposed');
    await new Promise((r) => setTimeout(r, 10));
    expect(t.engine.steps).toBe(steps);
    expect(t.errors).toEqual([]);
    // an engine built after dispose is freed at once
    const late = setup();
    const building = late.control.start(() => new Promise<Engine>((r) => setTimeout(() => r(late.engine), 5)));
    await late.control.dispose();
    await building;
    expect(late.engine.disposed).toBe(true);
  });
});

describe('run control: slow steps and speed', () => {
  it('a Step slowly passes its unit to one advance; the next Step traces nothing', async () => {
    const t = setup(5);
    const traced: Array<number | undefined> = [];
    const advance = t.engine.advance.bind(t.engine);
    Object.assign(t.engine, {
      advance: async (_signal: AbortSignal, unit?: number) => {
        traced.push(unit);
        await advance();
      },
    });
    await t.control.start(async () => t.engine);
    t.control.step(3);
    await t.control.idle();
    t.control.step();
    await t.control.idle();
    expect(traced).toEqual([3, undefined]);
    expect(t.engine.steps).toBe(2);
  });

  it('a speed cap spaces the steps, and Pause ends the wait at once', async () => {
    const t = setup(1000);
    await t.control.start(async () => t.engine);
    t.control.setSpeed(20);
    const start = performance.now();
    t.control.play();
    await until(() => t.engine.steps >= 4);
    // 4 steps at 20/s take at least 3 slots of 50 ms (less a few ms: Node's timers may fire a
    // millisecond early); uncapped they take ~5 ms.
    expect(performance.now() - start).toBeGreaterThanOrEqual(140);
    // One step every 10 s: the loop is soon waiting out a slot.
    t.control.setSpeed(0.1);
    await new Promise((r) => setTimeout(r, 150));
    const waiting = performance.now();
    t.control.pause();
    await t.control.idle();
    expect(performance.now() - waiting).toBeLessThan(1000);
    expect(t.control.phase).toBe('ready');
  });
});
