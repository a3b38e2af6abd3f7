/**
 * How much one import may hold, so that no file can stall the page: a file of 10,000 runs made
 * Pause take 15 s, one of 130,000 points per run overflowed the stack. The loss chart lays out every
 * line again at each live batch, ghosts included: measured here (2 shared cores, smoke training), 256
 * ghost runs of 2,000 points made Pause take 48 s. Past a limit a file is refused with the limit
 * named; a long series is drawn from at most MAX_DRAWN of its points, and the import list says so.
 */

/** Bytes of one file: past this, reading and parsing it would hold the main thread for seconds. */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;
/** Runs of one file: the page's most, 8 runs on each of 16 seeds. */
export const MAX_FILE_RUNS = 128;
/** Runs of all imported files together, drawn on every chart beside the live runs. */
export const MAX_GHOST_RUNS = 128;
/** History points or evaluations of one run: a step each for the longest run validate() allows (1,000,000 steps), and step 0. */
export const MAX_RUN_POINTS = 1_000_001;
/** Points a ghost series is drawn from: a dashed line 600 px wide needs no more. */
export const MAX_DRAWN = 500;

/** Every k-th element (k = ⌈length / max⌉) and the last: at most `max` + 1 elements, in order. */
export function thinned<T>(xs: readonly T[], max = MAX_DRAWN): T[] {
  if (xs.length <= max) return [...xs];
  const every = Math.ceil(xs.length / max);
  const out: T[] = [];
  for (let i = 0; i < xs.length; i += every) out.push(xs[i] as T);
  if ((xs.length - 1) % every !== 0) out.push(xs[xs.length - 1] as T);
  return out;
}
