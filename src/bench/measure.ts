/**
 * The benchmark's measurements on the current backend: the reference step, one SST and one MASST
 * (K = 4) lock-step of the shallow preset on random images, and the costs of a smoothness probe
 * and a 1-D landscape slice. Every time is a median after warm-up that includes reading the loss
 * back, so GPU backends are timed to completion.
 */
import { Analyzer } from '../core/analysis/analyzer';
import { randomFaces } from '../core/data/randomFaces';
import { convImplFor } from '../core/model/conv';
import { presetConfig } from '../core/presets';
import * as tf from '../core/tf';
import { Comparison } from '../core/train/comparison';
import { referenceStep } from './reference';
import { interleavedMediansMs, medianMs } from './timing';

export interface BackendTimes {
  reference: number;
  sst: number;
  masst: number;
  probe: number;
  slice1d: number;
}

/** One lock-step of a comparison, to completion (the loss read back). */
function stepOf(cmp: Comparison): () => Promise<void> {
  return async () => {
    const losses = cmp.stepAll();
    await (losses[0] as tf.Scalar).data();
    tf.dispose(losses);
  };
}

/**
 * Times every path on the current backend, cheapest first. onProgress gets the times measured so
 * far after each one, so a caller that gives up on a slow backend (software WebGPU takes tens of
 * minutes) keeps what was measured.
 */
export async function measureBackend(
  backend: string,
  quick: boolean,
  onProgress: (partial: Partial<BackendTimes>) => void = () => undefined,
): Promise<BackendTimes> {
  const warmup = quick ? 1 : 3;
  const reps = quick ? 3 : 10;
  const ref = referenceStep(convImplFor(backend));
  const reference = await medianMs(
    async () => {
      const l = ref.step();
      await l.data();
      l.dispose();
    },
    warmup,
    reps,
  );
  ref.dispose();
  onProgress({ reference });
  const base = presetConfig('shallow');
  // SST and MASST step in turns, so their ratio is not the drift of a shared machine.
  const pair = [
    { method: 'sst', agents: 1 },
    { method: 'masst', agents: 4 },
  ] as const;
  const cmps = pair.map((run) => new Comparison({ ...base, runs: [run] }, randomFaces(base), convImplFor(backend)));
  const [sst, masst] = (await interleavedMediansMs(cmps.map(stepOf), warmup, quick ? 5 : 15)) as [number, number];
  for (const c of cmps) c.dispose();
  onProgress({ reference, sst, masst });
  const cmp = new Comparison(
    { ...base, runs: [{ method: 'sst', agents: 1 }] },
    randomFaces(base),
    convImplFor(backend),
  );
  const analyzer = new Analyzer(cmp);
  // A 1-D slice (forward passes only) before the probe (forward and backward passes).
  const slice1d = await medianMs(async () => void (await analyzer.landscape1d(0)), 0, 1);
  onProgress({ reference, sst, masst, slice1d });
  const probe = await medianMs(async () => void (await analyzer.smoothness(0)), quick ? 0 : 1, quick ? 1 : 3);
  cmp.dispose();
  return { reference, sst, masst, probe, slice1d };
}
