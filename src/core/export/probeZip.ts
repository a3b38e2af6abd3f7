/**
 * One run's trained probe as one download: a zip holding a folder with model.json, weights.bin
 * (tfjsProbe.ts) and a README.md saying what goes in and what comes out. Unzipped, the folder is
 * what tf.loadGraphModel reads from a URL (model.json next to weights.bin). No tensors here.
 */
import { probeArtifacts, probeMetadata, WEIGHTS_FILE } from './tfjsProbe';
import type { ProbeExportInput } from './tfjsProbe';
import { zipChunks } from './zip';

/** "MASST K=4" → "masst-k4": a label as a file-name part. */
export function labelSlug(label: string): string {
  return label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, (m) => (m.includes('=') ? '' : '-'))
    .replace(/^-+|-+$/g, '');
}

/** The README inside the zip: the input, the output and the lines that load the model. */
export function probeReadme(input: ProbeExportInput, folder: string): string {
  const meta = probeMetadata(input);
  const c = input.channels;
  return `# ${folder}

The trained probe of ${input.description}, as a TensorFlow.js graph model, exported by the MASST
Playground.

- Input ${meta.input}.
- Output ${meta.output}.
- Backbone: ${input.arch.size}, embedding dimension ${input.arch.embedDim}.

Load it with \`tf.loadGraphModel\` (from \`@tensorflow/tfjs\`, or \`@tensorflow/tfjs-converter\`
with \`@tensorflow/tfjs-core\` and a backend), with model.json and ${WEIGHTS_FILE} served side by side:

\`\`\`js
const model = await tf.loadGraphModel('https://example.org/${folder}/model.json');
const images = tf.zeros([1, ${input.imageSize}, ${input.imageSize}, ${c}]); // pixels in [0, 1]
const embedding = model.predict(images); // [1, ${input.arch.embedDim}], unit length
\`\`\`

Two faces are the same person when the cosine similarity of their embeddings (their dot product,
since both have unit length) is above a threshold chosen on pairs you know.
`;
}

export interface ProbeZip {
  filename: string;
  chunks: Uint8Array[];
  bytes: number;
}

/**
 * The zip `<base>-<label>-seed<N>-probe.zip` of one folder of the same name; throws (tfjsProbe.ts)
 * naming a missing, misshapen or non-finite array.
 */
export function probeZip(
  input: ProbeExportInput,
  base: string,
  label: string,
  seed: number,
  modified?: Date,
): ProbeZip {
  const folder = `${base}-${labelSlug(label)}-seed${seed}-probe`;
  const { modelJson, weights } = probeArtifacts(input);
  const chunks = zipChunks(
    [
      { path: `${folder}/model.json`, data: `${JSON.stringify(modelJson)}\n` },
      { path: `${folder}/${WEIGHTS_FILE}`, data: new Uint8Array(weights) },
      { path: `${folder}/README.md`, data: probeReadme(input, folder) },
    ],
    modified,
  );
  return { filename: `${folder}.zip`, chunks, bytes: chunks.reduce((n, c) => n + c.length, 0) };
}
