/**
 * How often the page's workers checkpoint while they train: `checkpoint=N` in the URL, steps
 * between two periodic checkpoints (each also taken when training stops and when the page is
 * hidden). A reload that the page cannot see coming (a crash, a killed tab) loses at most N − 1
 * steps; each checkpoint costs a read-back and ~0.1 MB of IndexedDB writes per demo run, so very
 * small values slow training down. A bad value is reported by name, value and what is allowed,
 * and the default is used.
 */
import type { UrlProblem } from './urlCodec';

export const CHECKPOINT_PARAM = 'checkpoint';
export const DEFAULT_CHECKPOINT_EVERY = 50;
export const MAX_CHECKPOINT_EVERY = 100_000;

export function decodeCheckpointEvery(params: URLSearchParams): { every: number; problems: UrlProblem[] } {
  const text = params.get(CHECKPOINT_PARAM);
  if (text === null) return { every: DEFAULT_CHECKPOINT_EVERY, problems: [] };
  const n = Number(text);
  if (/^\d+$/.test(text) && n >= 1 && n <= MAX_CHECKPOINT_EVERY) return { every: n, problems: [] };
  const message = `${CHECKPOINT_PARAM} = "${text}" is not allowed: expected an integer from 1 to ${MAX_CHECKPOINT_EVERY} (steps between two checkpoints); using ${DEFAULT_CHECKPOINT_EVERY}.`;
  return { every: DEFAULT_CHECKPOINT_EVERY, problems: [{ param: CHECKPOINT_PARAM, value: text, message }] };
}

/** Sets `checkpoint` when it is not the default (a link that reloads keeps it). */
export function encodeCheckpointEvery(params: URLSearchParams, every: number): void {
  if (every !== DEFAULT_CHECKPOINT_EVERY) params.set(CHECKPOINT_PARAM, String(every));
}
