/**
 * The messages waiting for the store's next batch, kept small while the page cannot apply them
 * (in a hidden tab Chromium runs timers once a second, after a while once a minute): a worker's
 * new loss batch joins its previous one instead of queueing behind it, and a queue that grows
 * past MAX_QUEUED messages or MAX_QUEUED_LOSSES loss values anyway is applied at once
 * (mustApplyNow), so what waits is bounded whatever the timers do.
 */
import type { FromWorker, StatsBatch } from '../../worker/protocol';

/** Queued messages that make the store apply the queue before its timer. */
export const MAX_QUEUED = 256;
/** Queued loss values (steps × units, ~40 kB) that do the same. */
export const MAX_QUEUED_LOSSES = 10_000;

type StatsMessage = Extract<FromWorker, { type: 'stats' }>;

/**
 * Whether a worker's later loss batch may move ahead of `m`: it may when `m` changes other fields
 * of the state than the batch does (evaluations, probes, slices, the dataset view, another
 * worker's state, another unit's divergence), so the order of the two does not matter. Its own
 * worker's state or readiness, its units' divergence and any error do: they stop the search.
 */
function independent(m: FromWorker, batch: StatsBatch): boolean {
  switch (m.type) {
    case 'eval':
    case 'smoothness':
    case 'agents':
    case 'landscape':
    case 'progress':
    case 'dataset':
    case 'backend':
    case 'queue':
    case 'embeddings':
    case 'trace':
      return true;
    case 'stats':
    case 'state':
    case 'ready':
      return (m.type === 'stats' ? m.batch.worker : m.worker) !== batch.worker;
    case 'diverged':
      return !batch.units.includes(m.unit);
    default:
      return false;
  }
}

function concat<T extends Int32Array | Float32Array>(a: T, b: T, make: (n: number) => T): T {
  const out = make(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

const sameUnits = (a: readonly number[], b: readonly number[]) =>
  a.length === b.length && a.every((u, i) => u === b[i]);

/** `a` then `b` of one worker as one batch; the speeds are the later batch's, as if both were applied in turn. */
export function mergeStats(a: StatsBatch, b: StatsBatch): StatsBatch {
  return {
    ...b,
    steps: concat(a.steps, b.steps, (n) => new Int32Array(n)),
    losses: b.losses.map((l, k) =>
      concat(a.losses[k] ?? new Float32Array(a.steps.length).fill(NaN), l, (n) => new Float32Array(n)),
    ),
  };
}

/** Adds `msg` to `queue` (in place), joining a loss batch to its worker's previous one where the order allows. */
export function enqueue(queue: FromWorker[], msg: FromWorker): void {
  if (msg.type === 'stats') {
    for (let i = queue.length - 1; i >= 0; i--) {
      const m = queue[i] as FromWorker;
      if (m.type === 'stats' && m.sessionId === msg.sessionId && m.batch.worker === msg.batch.worker) {
        if (!sameUnits(m.batch.units, msg.batch.units)) break;
        queue[i] = { ...m, batch: mergeStats(m.batch, msg.batch) } satisfies StatsMessage;
        return;
      }
      if (!independent(m, msg.batch)) break;
    }
  }
  queue.push(msg);
}

/** Whether the queue is too large to wait for the timer. */
export function mustApplyNow(queue: readonly FromWorker[]): boolean {
  if (queue.length > MAX_QUEUED) return true;
  let losses = 0;
  for (const m of queue) if (m.type === 'stats') losses += m.batch.steps.length * m.batch.units.length;
  return losses > MAX_QUEUED_LOSSES;
}
