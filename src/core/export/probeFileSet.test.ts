/**
 * What "Import probe" accepts: the zip "Download probe" saves, or the unpacked files picked
 * together (model.json with weights.bin, or with several weight shards), into the artifacts
 * tf.loadGraphModel reads; and every wrong pick named (no model.json, a missing or truncated
 * weights file, a layers model, a zip with other files, JSON that is not JSON).
 */
import { describe, expect, it } from 'vitest';
import { randomProbe } from '../../test/probeFixture';
import type * as tf from '../tf';
import type { PickLike } from './probeFileSet';
import { probeFileSet, readPicked, signatureShapes } from './probeFileSet';
import { probeZip } from './probeZip';
import { probeArtifacts } from './tfjsProbe';

const input = randomProbe('tiny', 3, 5);
const { modelJson, weights } = probeArtifacts({ ...input, description: 'SST · seed 2, step 5' });
const jsonText = (j: unknown) => `${JSON.stringify(j)}\n`;

function file(name: string, data: string | Uint8Array | ArrayBuffer): PickLike {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : new Uint8Array(data);
  return { name, size: bytes.length, arrayBuffer: () => Promise.resolve(bytes.slice().buffer) };
}

async function fileSet(picked: PickLike[]) {
  const { files, from } = await readPicked(picked);
  return probeFileSet(files, from);
}

const bytesOf = (a: tf.io.ModelArtifacts) => new Uint8Array(a.weightData as ArrayBuffer);

describe('Import probe file sets', () => {
  it('reads the zip Download probe saves: its description, its weights, the page as source', async () => {
    const zip = probeZip(input, 'masst-smoke', 'SST', 2);
    const bytes = new Uint8Array(zip.bytes);
    let at = 0;
    for (const c of zip.chunks) {
      bytes.set(c, at);
      at += c.length;
    }
    const set = await fileSet([file(zip.filename, bytes)]);
    expect(set.title).toBe('test tiny');
    expect(set.source).toBe('imported probe');
    expect(set.artifacts.format).toBe('graph-model');
    expect(set.artifacts.weightSpecs).toEqual(modelJson.weightsManifest.flatMap((g) => g.weights));
    expect(bytesOf(set.artifacts)).toEqual(new Uint8Array(probeArtifacts(input).weights));
  });

  it("reads model.json and weights.bin picked together, and names to_tfjs.py's output PyTorch", async () => {
    const torch = { ...modelJson, convertedBy: 'MASST Playground PyTorch export (to_tfjs.py)' };
    const set = await fileSet([file('weights.bin', weights), file('model.json', jsonText(torch))]);
    expect(set.source).toBe('PyTorch');
    expect(set.title).toBe('SST · seed 2, step 5');
    expect(bytesOf(set.artifacts)).toEqual(new Uint8Array(weights));
    expect(set.artifacts.signature).toEqual(modelJson.signature);
  });

  it("joins weight shards in the manifest's order, whatever order they were picked in", async () => {
    const cut = 100;
    const sharded = {
      ...modelJson,
      weightsManifest: [
        {
          paths: ['group1-shard1of2.bin', 'group1-shard2of2.bin'],
          weights: modelJson.weightsManifest.flatMap((g) => g.weights),
        },
      ],
    };
    const set = await fileSet([
      file('group1-shard2of2.bin', weights.slice(cut)),
      file('model.json', jsonText(sharded)),
      file('group1-shard1of2.bin', weights.slice(0, cut)),
    ]);
    expect(bytesOf(set.artifacts)).toEqual(new Uint8Array(weights));
  });

  it('names a missing weights file, a truncated one, and model.json missing', async () => {
    await expect(fileSet([file('model.json', jsonText(modelJson))])).rejects.toThrow(
      'Import probe: model.json: its weightsManifest names weights.bin, which is not among the picked files (model.json): pick it with model.json',
    );
    await expect(
      fileSet([file('model.json', jsonText(modelJson)), file('weights.bin', weights.slice(8))]),
    ).rejects.toThrow(
      `Import probe: model.json: its ${modelJson.weightsManifest[0]?.weights.length} weights need ${weights.byteLength} bytes, the weight files (weights.bin) hold ${weights.byteLength - 8}: a file is truncated or of another model`,
    );
    await expect(fileSet([file('weights.bin', weights)])).rejects.toThrow(
      'Import probe: no model.json among the files (weights.bin)',
    );
  });

  it('refuses a layers model, text that is not JSON, a zip picked with other files, and an empty pick', async () => {
    await expect(
      fileSet([file('model.json', jsonText({ ...modelJson, format: 'layers-model' })), file('weights.bin', weights)]),
    ).rejects.toThrow(
      'Import probe: model.json: format is "layers-model"; Import probe takes a TF.js graph model (format "graph-model")',
    );
    await expect(fileSet([file('model.json', 'weights.bin'), file('weights.bin', weights)])).rejects.toThrow(
      'Import probe: model.json: not JSON',
    );
    await expect(fileSet([file('p.zip', new Uint8Array(30)), file('model.json', '{}')])).rejects.toThrow(
      'Import probe: p.zip, model.json: pick one zip alone',
    );
    await expect(fileSet([])).rejects.toThrow('Import probe: no file picked');
  });

  it('reads the input and output shapes from the signature, sizes as protobuf JSON strings', () => {
    expect(signatureShapes(modelJson.signature)).toEqual({ inputs: [[-1, 16, 16, 3]], outputs: [[-1, 8]] });
    expect(signatureShapes(undefined)).toEqual({ inputs: [], outputs: [] });
    expect(
      signatureShapes({
        inputs: { x: { dtype: 'DT_FLOAT' } },
        outputs: { y: { tensorShape: { dim: [{ size: 'many' }] } } },
      }),
    ).toEqual({ inputs: [undefined], outputs: [undefined] });
  });
});
