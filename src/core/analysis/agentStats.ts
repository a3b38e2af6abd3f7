/**
 * How far MASST's gallery agents are from the probe and from each other (docs/method.md §6): the
 * weight distance ‖θ_k − θ_P‖₂ over trainable weights, and the mean cosine between agent and probe
 * features on a fixed batch (both with batch-statistics BN, nothing recorded).
 */
import type { ConvImpl } from '../model/conv';
import { forward } from '../model/forward';
import type { Net } from '../model/net';
import * as tf from '../tf';
import { globalNorm } from './globalNorm';

export interface AgentStats {
  /** ‖θ_k − θ_P‖₂ per agent. */
  distance: number[];
  /** Mean over the batch of cos(agent_k(x), probe(x)) per agent. */
  featureCosine: number[];
}

export async function agentStats(
  probe: Net,
  agents: readonly Net[],
  images: tf.Tensor4D,
  impl: ConvImpl,
): Promise<AgentStats> {
  const packed = tf.tidy(() => {
    const p = forward(probe, images, 'batch', impl).embedding;
    const values: tf.Scalar[] = [];
    for (const agent of agents) {
      values.push(globalNorm(agent.weights, probe.weights));
    }
    for (const agent of agents) {
      const g = forward(agent, images, 'batch', impl).embedding;
      values.push(tf.mean(tf.sum(tf.mul(g, p), 1)) as tf.Scalar);
    }
    return tf.stack(values);
  });
  const v = Array.from(await packed.data());
  packed.dispose();
  return { distance: v.slice(0, agents.length), featureCosine: v.slice(agents.length) };
}
