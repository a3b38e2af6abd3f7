/**
 * A backbone instance: its trainable weights (one tf.Variable per ParamSpec) and its BN running
 * statistics. The owner of a Net disposes it; Nets share nothing, so an agent can be copied from
 * the probe and then drift on its own.
 */
import * as tf from '../tf';
import type { ArchitectureSpec, BnSpec, ParamSpec } from './architecture';
import { bnSpecs } from './architecture';
import { assignAll } from '../train/checkpoint';

export interface BnStats {
  /** Running mean, [channels]. */
  mean: tf.Variable;
  /** Running (unbiased) variance, [channels]. */
  variance: tf.Variable;
}

export class Net {
  readonly weights: tf.Variable[];
  readonly byName: ReadonlyMap<string, tf.Variable>;
  readonly bn: ReadonlyMap<string, BnStats>;
  private disposed = false;

  private constructor(
    readonly arch: ArchitectureSpec,
    readonly specs: ParamSpec[],
    weights: tf.Variable[],
    bn: Map<string, BnStats>,
  ) {
    this.weights = weights;
    this.byName = new Map(specs.map((s, i) => [s.name, weights[i] as tf.Variable]));
    this.bn = bn;
  }

  /** A net holding copies of `values` (one array per spec, in spec order). */
  static fromValues(
    arch: ArchitectureSpec,
    specs: ParamSpec[],
    values: readonly (Float32Array | tf.Tensor)[],
    trainable: boolean,
  ): Net {
    if (values.length !== specs.length) {
      throw new Error(`Net.fromValues: ${values.length} weight arrays for ${specs.length} parameters`);
    }
    const weights = specs.map((spec, i) => {
      const v = values[i] as Float32Array | tf.Tensor;
      const init = v instanceof Float32Array ? tf.tensor(v, spec.shape, 'float32') : tf.clone(v);
      const variable = tf.variable(init, trainable);
      init.dispose();
      return variable;
    });
    const bn = new Map<string, BnStats>();
    for (const b of bnSpecs(specs)) bn.set(b.name, newBnStats(b));
    return new Net(arch, specs, weights, bn);
  }

  /** A copy with its own variables (weights and BN statistics). */
  clone(trainable: boolean): Net {
    const net = Net.fromValues(this.arch, this.specs, this.weights, trainable);
    net.copyBnFrom(this);
    return net;
  }

  /** θ ← θ_other for the trainable weights; BN statistics untouched. */
  copyWeightsFrom(other: Net): void {
    tf.tidy(() => this.weights.forEach((w, i) => w.assign(other.weights[i] as tf.Variable)));
  }

  copyBnFrom(other: Net): void {
    tf.tidy(() => {
      for (const [name, stats] of this.bn) {
        const src = other.bn.get(name);
        if (!src) throw new Error(`copyBnFrom: no BN layer ${name} in the source net`);
        stats.mean.assign(src.mean);
        stats.variance.assign(src.variance);
      }
    });
  }

  /** Weights and BN statistics read back to the host, in spec order then BN order. */
  async snapshot(): Promise<{ weights: Float32Array[]; bn: Float32Array[] }> {
    const weights = await Promise.all(this.weights.map((w) => w.data() as Promise<Float32Array>));
    const bn: Float32Array[] = [];
    for (const s of this.bn.values()) {
      bn.push((await s.mean.data()) as Float32Array, (await s.variance.data()) as Float32Array);
    }
    return { weights, bn };
  }

  /** Sets weights and BN statistics from a snapshot() of a net of the same architecture. */
  load(state: { weights: readonly Float32Array[]; bn: readonly Float32Array[] }, what: string): void {
    assignAll(this.weights, state.weights, `${what} weights`);
    const stats = [...this.bn.values()].flatMap((s) => [s.mean, s.variance]);
    assignAll(stats, state.bn, `${what} BN statistics`);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    tf.dispose(this.weights);
    for (const s of this.bn.values()) tf.dispose([s.mean, s.variance]);
  }
}

function newBnStats(b: BnSpec): BnStats {
  return tf.tidy(() => ({
    mean: tf.variable(tf.zeros([b.channels]), false),
    variance: tf.variable(tf.ones([b.channels]), false),
  }));
}
