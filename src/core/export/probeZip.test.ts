/**
 * The probe download as a user gets it: the zip is read by Python's zipfile (not our code), and
 * the unzipped model.json and weights.bin load with tf.loadGraphModel and embed like the probe.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadGraphModel } from '@tensorflow/tfjs-converter';
import { beforeAll, describe, expect, it } from 'vitest';
import { SIZE, randomProbe } from '../../test/probeFixture';
import { useCpu } from '../../test/tfCpu';
import { paramSpecsFor } from '../model/architecture';
import { forward } from '../model/forward';
import { Net } from '../model/net';
import * as tf from '../tf';
import { labelSlug, probeZip } from './probeZip';

beforeAll(useCpu);

/** name → bytes of every entry, read by Python's zipfile with CRCs checked. */
async function readZip(chunks: Uint8Array[]): Promise<Map<string, Buffer>> {
  const path = join(await mkdtemp(join(tmpdir(), 'probe-zip-')), 'p.zip');
  await writeFile(path, Buffer.concat(chunks));
  const script =
    'import json, sys, zipfile\nz = zipfile.ZipFile(sys.argv[1])\nassert z.testzip() is None\nprint(json.dumps({i.filename: z.read(i).hex() for i in z.infolist()}))';
  const run = spawnSync('/usr/bin/python3', ['-c', script, path], { encoding: 'utf8', maxBuffer: 1 << 26 });
  expect(run.status, run.stderr).toBe(0);
  return new Map(
    Object.entries(JSON.parse(run.stdout) as Record<string, string>).map(([k, v]) => [k, Buffer.from(v, 'hex')]),
  );
}

describe('probeZip', () => {
  it('names runs as file-name parts', () => {
    expect(['Conventional', 'SST', 'MASST K=4'].map(labelSlug)).toEqual(['conventional', 'sst', 'masst-k4']);
  });

  it("zips one folder whose model.json and weights.bin load and give the probe's embeddings", async () => {
    const input = randomProbe('tiny', 3, 4);
    const made = probeZip(input, 'masst-demo-seed-2-600-steps', 'MASST K=4', 2);
    const folder = 'masst-demo-seed-2-600-steps-masst-k4-seed2-probe';
    expect(made.filename).toBe(`${folder}.zip`);
    const files = await readZip(made.chunks);
    expect([...files.keys()].sort()).toEqual([`${folder}/README.md`, `${folder}/model.json`, `${folder}/weights.bin`]);
    expect(files.get(`${folder}/README.md`)?.toString('utf8')).toContain(
      `tf.zeros([1, ${SIZE}, ${SIZE}, 3]); // pixels in [0, 1]`,
    );

    const json = JSON.parse(files.get(`${folder}/model.json`)?.toString('utf8') ?? '') as tf.io.ModelJSON;
    const bin = files.get(`${folder}/weights.bin`) as Buffer;
    const weights = bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength) as ArrayBuffer;
    const model = await loadGraphModel({
      load: () =>
        tf.io.getModelArtifactsForJSON(json, (manifest) => Promise.resolve([tf.io.getWeightSpecs(manifest), weights])),
    });
    const net = Net.fromValues(input.arch, paramSpecsFor(input.arch, 3), input.state.weights, false);
    net.load(input.state, 'test probe');
    const x = tf.randomUniform([2, SIZE, SIZE, 3], 0, 1, 'float32', 9) as tf.Tensor4D;
    const diff = tf.tidy(
      () =>
        tf
          .max(tf.abs(tf.sub(model.predict(x) as tf.Tensor, forward(net, x, 'inference', 'im2col').embedding)))
          .dataSync()[0],
    );
    expect(diff).toBeLessThan(1e-5);
    tf.dispose(x);
    net.dispose();
    model.dispose();
  });
});
