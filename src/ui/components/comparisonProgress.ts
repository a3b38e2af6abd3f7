/**
 * The comparison's progress in one short line for the run bar ("step 240 / 600 · about 2 min
 * left"): the step every run has reached (the slowest worker's) and the time left at the slowest
 * worker's lock-step rate. Evaluations and smoothness probes also take time, so it says "about".
 */
import type { UiState } from '../store/state';

export type ProgressSlice = Pick<UiState, 'phase' | 'playing' | 'step' | 'totalSteps' | 'stepsPerSecond' | 'progress'>;

/** "about 40 s left", "about 2 min left", "about 1 h 5 min left". */
export function timeLeft(seconds: number): string {
  if (seconds < 60) return `about ${Math.max(5, Math.round(seconds / 5) * 5)} s left`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `about ${minutes} min left`;
  return `about ${Math.floor(minutes / 60)} h ${minutes % 60} min left`;
}

/** The line, and the fraction done for a progress bar (null: nothing to show yet). */
export function progressLine(s: ProgressSlice): { text: string; done: number | null } {
  if (s.phase === 'idle') return { text: 'Not started: press Train or Step.', done: null };
  if (s.phase === 'starting') {
    const p = s.progress;
    if (p?.phase === 'data')
      return { text: `Generating faces ${p.done} / ${p.total}`, done: p.total > 0 ? p.done / p.total : null };
    if (p?.phase === 'decode')
      return { text: `Decoding your faces ${p.done} / ${p.total}`, done: p.total > 0 ? p.done / p.total : null };
    return { text: 'Preparing the runs…', done: null };
  }
  const at = `step ${s.step} / ${s.totalSteps}`;
  const done = s.totalSteps > 0 ? Math.min(1, s.step / s.totalSteps) : null;
  if (s.step >= s.totalSteps) return { text: `${at} · done`, done };
  if (!s.playing) return { text: `${at} · paused`, done };
  if (s.stepsPerSecond <= 0) return { text: at, done };
  return { text: `${at} · ${timeLeft((s.totalSteps - s.step) / s.stepsPerSecond)}`, done };
}
