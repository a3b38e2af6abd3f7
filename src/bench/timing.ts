/** Median wall time of an async action after warm-up, in ms. */
export async function medianMs(action: () => Promise<void>, warmup: number, reps: number): Promise<number> {
  for (let i = 0; i < warmup; i++) await action();
  const times: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t = performance.now();
    await action();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const m = Math.floor(times.length / 2);
  return times.length % 2 ? (times[m] as number) : ((times[m - 1] as number) + (times[m] as number)) / 2;
}
