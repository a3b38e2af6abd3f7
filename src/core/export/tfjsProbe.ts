/**
 * A trained probe as a TensorFlow.js graph model: model.json (format "graph-model", its GraphDef,
 * a signature naming input "images" [−1, H, W, C] and output "embedding" [−1, D], and a weights
 * manifest pointing at one file) plus that weights file, little-endian float32/int32 in manifest
 * order. tf.loadGraphModel reads it without custom ops; `model.predict(images)` gives the
 * L2-normalised embeddings forward(net, images, 'inference') gives. Plain arrays in, bytes out:
 * no tensors, so the page's main thread can build it from a worker's snapshot.
 */
import type * as tf from '../tf';
import type { NetState } from '../train/checkpoint';
import type { ArchitectureSpec } from '../model/architecture';
import { bnSpecs, paramSpecsFor } from '../model/architecture';
import type { ProbeGraphInput } from './probeGraph';
import { INPUT_NAME, OUTPUT_NAME, probeGraph } from './probeGraph';
import { shapeAttr } from './graphDef';

/** The weights file's name inside model.json's manifest (next to model.json). */
export const WEIGHTS_FILE = 'weights.bin';

export interface ProbeExportInput {
  arch: ArchitectureSpec;
  /** Image side, px (the config's data.imageSize). */
  imageSize: number;
  /** 1: grey, 3: RGB (the config's data.channels). */
  channels: 1 | 3;
  /** Weights in paramSpecsFor order, then each BN layer's running mean and variance. */
  state: NetState;
  /** What the probe is, kept in model.json's userDefinedMetadata ("SST · seed 2, step 400"). */
  description: string;
}

export interface ProbeArtifacts {
  /** model.json's content (JSON.stringify it to write the file). */
  modelJson: tf.io.ModelJSON;
  /** The weights file's bytes. */
  weights: ArrayBuffer;
}

/** What model.json's userDefinedMetadata says about the input and output. */
export interface ProbeMetadata {
  description: string;
  input: string;
  output: string;
}

/** Checks `state` against the architecture; returns the named arrays or throws naming the first misfit. */
function namedState(input: ProbeExportInput): Pick<ProbeGraphInput, 'params' | 'bn'> {
  const specs = paramSpecsFor(input.arch, input.channels);
  const { weights, bn } = input.state;
  if (weights.length !== specs.length) {
    const missing = specs.slice(weights.length).map((s) => s.name);
    throw new Error(
      `probe export: ${weights.length} weight arrays for ${specs.length} parameters${missing.length > 0 ? `; missing: ${missing.join(', ')}` : ''}`,
    );
  }
  const params = new Map<string, { shape: number[]; values: Float32Array }>();
  specs.forEach((spec, i) =>
    params.set(spec.name, { shape: spec.shape, values: checked(weights[i] as Float32Array, spec.name, spec.shape) }),
  );
  const layers = bnSpecs(specs);
  if (bn.length !== 2 * layers.length) {
    throw new Error(
      `probe export: ${bn.length} BN statistic arrays, the ${layers.length} BN layers need ${2 * layers.length} (mean and variance each)`,
    );
  }
  const stats = new Map<string, { mean: Float32Array; variance: Float32Array }>();
  layers.forEach((layer, i) => {
    const mean = checked(bn[2 * i] as Float32Array, `${layer.name} running mean`, [layer.channels]);
    const variance = checked(bn[2 * i + 1] as Float32Array, `${layer.name} running variance`, [layer.channels]);
    const negative = variance.findIndex((v) => v < 0);
    if (negative >= 0)
      throw new Error(
        `probe export: ${layer.name} running variance [${negative}] is ${variance[negative]}, expected ≥ 0`,
      );
    stats.set(layer.name, { mean, variance });
  });
  return { params, bn: stats };
}

function checked(values: Float32Array, name: string, shape: readonly number[]): Float32Array {
  const size = shape.reduce((a, b) => a * b, 1);
  if (values.length !== size)
    throw new Error(
      `probe export: ${name} has ${values.length} values, expected ${size} (shape ${JSON.stringify(shape)})`,
    );
  const bad = values.findIndex((v) => !Number.isFinite(v));
  if (bad >= 0)
    throw new Error(`probe export: ${name}[${bad}] is ${values[bad]}: the run diverged, there is no probe to export`);
  return values;
}

export function probeMetadata(
  input: Pick<ProbeExportInput, 'imageSize' | 'channels' | 'arch' | 'description'>,
): ProbeMetadata {
  const colour = input.channels === 3 ? 'RGB' : 'grey';
  return {
    description: input.description,
    input: `${INPUT_NAME}: float32 [batch, ${input.imageSize}, ${input.imageSize}, ${input.channels}] (${colour}), pixel values in [0, 1]; the model maps them to [-1, 1] itself`,
    output: `${OUTPUT_NAME}: float32 [batch, ${input.arch.embedDim}], each row L2-normalised (compare faces by cosine similarity = dot product)`,
  };
}

/** model.json and the weights file of the probe; throws naming a missing, misshapen or non-finite array. */
export function probeArtifacts(input: ProbeExportInput): ProbeArtifacts {
  if (!Number.isInteger(input.imageSize) || input.imageSize < 1)
    throw new Error(`probe export: imageSize ${input.imageSize} is not a positive integer`);
  const graph = probeGraph({
    arch: input.arch,
    imageSize: input.imageSize,
    channels: input.channels,
    ...namedState(input),
  });
  const bytes = graph.weights.reduce((n, w) => n + 4 * w.values.length, 0);
  const weights = new ArrayBuffer(bytes);
  let at = 0;
  for (const w of graph.weights) {
    // Typed arrays are in the platform's byte order; tfjs reads them back the same way (little-endian on every supported platform).
    new Uint8Array(weights, at, 4 * w.values.length).set(
      new Uint8Array(w.values.buffer, w.values.byteOffset, 4 * w.values.length),
    );
    at += 4 * w.values.length;
  }
  const tensorInfo = (name: string, shape: number[]) => ({
    name: `${name}:0`,
    dtype: 'DT_FLOAT',
    tensorShape: shapeAttr(shape),
  });
  const modelJson: tf.io.ModelJSON = {
    format: 'graph-model',
    generatedBy: 'MASST Playground',
    convertedBy: 'MASST Playground probe export (src/core/export/tfjsProbe.ts)',
    modelTopology: { node: graph.nodes, versions: { producer: 1 }, library: {} },
    signature: {
      inputs: { [INPUT_NAME]: tensorInfo(INPUT_NAME, [-1, input.imageSize, input.imageSize, input.channels]) },
      outputs: { [OUTPUT_NAME]: tensorInfo(OUTPUT_NAME, [-1, input.arch.embedDim]) },
    },
    userDefinedMetadata: { probe: probeMetadata(input) },
    weightsManifest: [
      { paths: [WEIGHTS_FILE], weights: graph.weights.map((w) => ({ name: w.name, shape: w.shape, dtype: w.dtype })) },
    ],
  };
  return { modelJson, weights };
}
