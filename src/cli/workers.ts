/**
 * How many worker threads the runner starts. A --workers above what the experiment can keep busy
 * (one job per seed's dataset, then one per run) is lowered to that, and the lowered value is
 * said on stderr with the reason. Chosen over refusing a maximum: the useful number depends on the
 * experiment (seeds × methods), not on a constant, and a large value harms nothing once clamped,
 * so refusing it would only make the user guess the number again.
 */
export interface WorkerCount {
  used: number;
  /** Why --workers was lowered; null when it was not given or is used as given. */
  note: string | null;
}

/**
 * @param asked --workers, or null for the default: one per core (one on webgpu: one device).
 * @param jobs seeds' datasets plus runs: the most workers that can be busy at once.
 */
export function workerCount(
  asked: number | null,
  webgpu: boolean,
  cores: number,
  seeds: number,
  runs: number,
): WorkerCount {
  const jobs = Math.max(1, seeds + runs);
  if (asked === null) return { used: Math.min(webgpu ? 1 : cores, jobs), note: null };
  if (asked <= jobs) return { used: asked, note: null };
  const parts = `${seeds} seed dataset${seeds === 1 ? '' : 's'} and ${runs} run${runs === 1 ? '' : 's'}`;
  return {
    used: jobs,
    note: `--workers ${asked}: this experiment has ${parts}, so at most ${jobs} workers can be busy; using ${jobs}`,
  };
}
