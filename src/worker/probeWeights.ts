/**
 * A unit's probe weights for the page's "Download probe" (the page builds the TensorFlow.js model
 * from them: core/export/tfjsProbe.ts). The values are cloned before the first await: a training
 * step is synchronous between two awaits, so every array is of the same step even while training
 * goes on (a Step slowly, traced in stages with awaits between them, is the one exception).
 */
import * as tf from '../core/tf';
import type { Group } from './engine';
import type { FromWorker } from './protocol';

export type ProbeReply = Extract<FromWorker, { type: 'probeWeights' }>['result'];

/** `unit`'s probe now, with the buffers to transfer, or why there is none. */
export async function readProbe(
  groups: readonly Group[],
  unit: number,
): Promise<{ result: ProbeReply; transfer: ArrayBuffer[] }> {
  const group = groups.find((g) => g.units.includes(unit));
  const index = group?.units.indexOf(unit) ?? -1;
  const run = group?.cmp.runs[index];
  if (group === undefined || run === undefined) {
    return {
      result: { ok: false, message: `run ${unit} is not built in this worker: wait until the comparison shows step 0` },
      transfer: [],
    };
  }
  const net = run.trainer.probe;
  const step = group.cmp.steps;
  const copies = tf.tidy(() =>
    [...net.weights, ...[...net.bn.values()].flatMap((s) => [s.mean, s.variance])].map((t) => tf.clone(t)),
  );
  let values: Float32Array[];
  try {
    // Copied: the cpu backend's data() is the tensor's own array, which a transfer would detach.
    values = await Promise.all(copies.map(async (t) => ((await t.data()) as Float32Array).slice()));
  } catch (e) {
    const label = group.labels[index] ?? `run ${unit}`;
    return {
      result: { ok: false, message: `reading ${label}'s probe failed: ${e instanceof Error ? e.message : String(e)}` },
      transfer: [],
    };
  } finally {
    tf.dispose(copies);
  }
  const state = { weights: values.slice(0, net.weights.length), bn: values.slice(net.weights.length) };
  return { result: { ok: true, probe: { unit, step, state } }, transfer: values.map((v) => v.buffer as ArrayBuffer) };
}
