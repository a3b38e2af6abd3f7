/**
 * "Download probe" end to end (disabled states: src/ui/export/probeDownload.test.ts): after a
 * 5-step smoke comparison, "Download probe: SST" saves one zip (read with Python's zipfile) whose
 * model.json and weights.bin load with tf.loadGraphModel in Node and give unit-length embeddings of
 * the size the signature names. (Equality with the page's own embeddings is tested in Vitest:
 * src/worker/probeWeights.test.ts.)
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { loadGraphModel } from '@tensorflow/tfjs-converter';
import { trainUntilStep } from './runs';

const PYTHON = '/usr/bin/python3';
test("downloads a trained run's probe as a TensorFlow.js graph model that loads", async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/?preset=smoke&steps=5&evalEvery=5&smoothEvery=0&sliceEvery=0');
  await trainUntilStep(page, 5);

  const button = page.getByRole('button', { name: 'Download probe: SST', exact: true });
  await expect(button).toBeEnabled();
  const download = page.waitForEvent('download');
  await button.click();
  const file = await download;
  expect(file.url()).toMatch(/^blob:/);
  expect(file.suggestedFilename()).toMatch(/^masst-smoke-seed-\d+-5-steps-sst-seed\d+-probe\.zip$/);
  await expect(page.getByRole('status').filter({ hasText: `Downloaded ${file.suggestedFilename()}` })).toBeVisible();
  const dir = await mkdtemp(join(tmpdir(), 'masst-probe-'));
  const zipPath = join(dir, file.suggestedFilename());
  await file.saveAs(zipPath);
  const unzip = spawnSync(
    PYTHON,
    [
      '-c',
      'import sys, zipfile\nz = zipfile.ZipFile(sys.argv[1])\nassert z.testzip() is None\nz.extractall(sys.argv[2])',
      zipPath,
      dir,
    ],
    { encoding: 'utf8' },
  );
  expect(unzip.status, unzip.stderr).toBe(0);

  const folder = join(dir, file.suggestedFilename().replace(/\.zip$/, ''));
  const json = JSON.parse(await readFile(join(folder, 'model.json'), 'utf8')) as tf.io.ModelJSON;
  const bin = await readFile(join(folder, 'weights.bin'));
  await tf.setBackend('cpu');
  const model = await loadGraphModel(
    tf.io.fromMemory({
      ...json,
      weightSpecs: json.weightsManifest.flatMap((g) => g.weights),
      weightData: bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength) as ArrayBuffer,
    }),
  );
  const [, h, w, c] = model.inputs[0]?.shape ?? [];
  const norms = tf.tidy(() => {
    const x = tf.randomUniform([2, h ?? 0, w ?? 0, c ?? 0], 0, 1, 'float32', 1);
    return Array.from(tf.norm(model.predict(x) as tf.Tensor2D, 'euclidean', 1).dataSync());
  });
  expect(norms.map((n) => Math.abs(n - 1) < 1e-4)).toEqual([true, true]);
  model.dispose();
  expect(errors).toEqual([]);
});
