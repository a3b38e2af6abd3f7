/**
 * `--save-probes`: the runner's last checkpoints of a trained comparison become graph models that
 * tf.loadGraphModel reads and that embed the test faces as the comparison does; runs without a
 * checkpoint or with a non-finite probe are named and skipped.
 */
import { mkdir, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadGraphModel } from '@tensorflow/tfjs-converter';
import { beforeAll, describe, expect, it } from 'vitest';
import { syntheticDataset, tinyConfig, useCpu } from '../test/tfCpu';
import * as tf from '../core/tf';
import { Comparison } from '../core/train/comparison';
import { encodeCheckpoint } from '../core/train/checkpointCodec';
import { writeAtomically } from './atomicWrite';
import { CHECKPOINT_DIR, checkpointPaths } from './checkpointFiles';
import { writeProbes } from './probeFiles';

beforeAll(useCpu);

const dataset = syntheticDataset(24, 6, 8);
const config = tinyConfig({
  steps: 6,
  runs: [
    { method: 'conventional', agents: 1 },
    { method: 'sst', agents: 1 },
    { method: 'masst', agents: 2 },
  ],
});

describe('writeProbes', () => {
  it("writes each checkpointed run's probe as a loadable graph model and names the runs it skips", async () => {
    const out = await mkdtemp(join(tmpdir(), 'probes-'));
    await mkdir(join(out, CHECKPOINT_DIR));
    const cmp = new Comparison(config, dataset, 'im2col');
    for (let i = 0; i < 2; i++) tf.dispose(cmp.stepAll());
    const ck = await cmp.checkpoint();
    // As the runner writes them: one file per run. MASST K=2's probe is made non-finite, SST has none.
    const [conventional, , masst] = ck.runs;
    const nan = masst && {
      ...masst,
      trainer: {
        ...masst.trainer,
        probe: { ...masst.trainer.probe, weights: masst.trainer.probe.weights.map((w) => w.map(() => NaN)) },
      },
    };
    for (const run of [conventional, nan]) {
      if (run === undefined) throw new Error('the comparison has fewer runs than configured');
      await writeAtomically(
        checkpointPaths(out, config.seed, run.label).checkpoint,
        new Uint8Array(encodeCheckpoint({ ...ck, runs: [run] })),
      );
    }

    const done = await writeProbes(out, config, [config.seed]);
    expect(done.written).toEqual([join('probes', `conventional-seed${config.seed}`)]);
    expect(done.skipped).toEqual([
      expect.stringMatching(new RegExp(`^SST · seed ${config.seed}: no checkpoint of it in `)) as unknown as string,
      expect.stringMatching(
        new RegExp(`^MASST K=2 · seed ${config.seed}: probe export: stem\\.conv\\[0\\] is NaN`),
      ) as unknown as string,
    ]);

    const dir = join(out, 'probes', `conventional-seed${config.seed}`);
    const json = JSON.parse(await readFile(join(dir, 'model.json'), 'utf8')) as tf.io.ModelJSON;
    const bin = await readFile(join(dir, 'weights.bin'));
    const model = await loadGraphModel(
      tf.io.fromMemory({
        ...json,
        weightSpecs: json.weightsManifest.flatMap((g) => g.weights),
        weightData: bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength) as ArrayBuffer,
      }),
    );
    const { test } = dataset;
    const got = tf.tidy(() => (model.predict(tf.tensor4d(test.pixels, [test.count, 8, 8, 1])) as tf.Tensor).dataSync());
    const expected = await cmp.embedTest(0);
    expect(Math.max(...Array.from(got, (v, i) => Math.abs(v - (expected[i] as number))))).toBeLessThan(1e-5);
    expect(await readFile(join(dir, 'README.md'), 'utf8')).toContain(`Conventional · seed ${config.seed}, step 2 of 6`);
    model.dispose();
    cmp.dispose();
  });
});
