/**
 * Which config fields each method's runs read: the one declaration a run key (sweep/runKey.ts)
 * is derived from, so a field a method does not read never makes it train again. A plain table
 * keyed by dotted path or path prefix (`data` covers every `data.*` leaf); the longest matching
 * key wins. Read from the trainers (core/train/comparison.ts, conventional.ts, semiSiamese.ts,
 * agents.ts, sampler.ts), the evaluation and the analysis:
 * - every run reads the data, model, loss, optimiser, steps, batch, evaluation and analysis
 *   settings and the seed;
 * - `gallery.queueSize` is read by Conventional too: the pair sampler leaves the identities of the
 *   last Q/B batches out of the next epoch for every method, so all runs of a seed see the same
 *   batches (the paired comparison relies on it);
 * - `gallery.alpha` only by SST and MASST (the gallery EMA); Conventional has no gallery;
 * - `masst.*` only by MASST: SST is built as one agent with the gallery's α (comparison.ts);
 * - Conventional's FC head has no field of its own (its init comes from the seed and embedDim).
 */
import type { Method } from '../config';
import { METHODS } from '../config';

export interface FieldReaders {
  methods: readonly Method[];
  /** Why, in a few words (for the field table a later issue builds from this one). */
  why: string;
}

const ALL = METHODS;
const SEMI_SIAMESE: readonly Method[] = ['sst', 'masst'];

export const METHOD_READS: Readonly<Record<string, FieldReaders>> = {
  seed: { methods: ALL, why: 'every random choice (rng.ts sub-seeds)' },
  steps: { methods: ALL, why: 'run length and the LR milestones' },
  batchSize: { methods: ALL, why: 'identities per batch' },
  data: { methods: ALL, why: 'the faces every run trains and is evaluated on' },
  model: { methods: ALL, why: 'the backbone and embedding of every probe' },
  loss: { methods: ALL, why: 'margin logits of the FC head and of the SST loss' },
  optim: { methods: ALL, why: 'SGD with momentum and the LR schedule of every probe' },
  'gallery.alpha': { methods: SEMI_SIAMESE, why: 'the gallery EMA (Conventional has no gallery)' },
  'gallery.queueSize': { methods: ALL, why: 'the prototype queue, and the sampler horizon Q/B that every method shares' },
  masst: { methods: ['masst'], why: "MASST's agents and queues (SST is one agent with the gallery's α)" },
  eval: { methods: ALL, why: 'when and how every run is evaluated' },
  analysis: { methods: ALL, why: 'the smoothness probes and landscape slices of every run' },
};

/** The table entry of a dotted path (longest matching key), or null when none covers it. */
export function readersOf(path: string): FieldReaders | null {
  let best: string | null = null;
  for (const key of Object.keys(METHOD_READS)) {
    const covers = path === key || path.startsWith(`${key}.`);
    if (covers && (best === null || key.length > best.length)) best = key;
  }
  return best === null ? null : (METHOD_READS[best] ?? null);
}

/** Whether runs of `method` read the field at `path`; throws for a path the table does not cover. */
export function methodReads(method: Method, path: string): boolean {
  const readers = readersOf(path);
  if (readers === null) throw new Error(`config field "${path}" is not in METHOD_READS (core/fields/methodReads.ts): declare which methods read it`);
  return readers.methods.includes(method);
}
