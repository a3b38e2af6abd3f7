/** Wall-time measurements for the benchmark, in ms; every action awaits its own result. */

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

/** Median wall time of an async action after warm-up. */
export async function medianMs(action: () => Promise<void>, warmup: number, reps: number): Promise<number> {
  return (await interleavedMediansMs([action], warmup, reps))[0] as number;
}

/**
 * Every time of each action (ms, in order), the actions taking turns (a, b, a, b, …) after each
 * has warmed up: a slow spell of a shared machine then hits all of them alike, so their ratio is
 * measured side by side instead of minutes apart. `clock` (ms) is wall time unless given (the
 * runner can pass its CPU time).
 */
export async function interleavedSamplesMs(
  actions: ReadonlyArray<() => Promise<void>>,
  warmup: number,
  reps: number,
  clock: () => number = () => performance.now(),
): Promise<number[][]> {
  for (const action of actions) for (let i = 0; i < warmup; i++) await action();
  const times = actions.map((): number[] => []);
  for (let r = 0; r < reps; r++) {
    for (const [i, action] of actions.entries()) {
      const t = clock();
      await action();
      times[i]?.push(clock() - t);
    }
  }
  return times;
}

/** Median time of each action, timed in turns (interleavedSamplesMs). */
export async function interleavedMediansMs(
  actions: ReadonlyArray<() => Promise<void>>,
  warmup: number,
  reps: number,
  clock: () => number = () => performance.now(),
): Promise<number[]> {
  return (await interleavedSamplesMs(actions, warmup, reps, clock)).map(median);
}
