/**
 * The page's export zip: the same project files as the CLI's for the session's config and seeds,
 * the datasets taken from the workers' faces bytes, no reference; refused options named.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExperimentConfig } from '../config';
import { serializeDataset } from '../data/cache';
import type { FaceDataset } from '../data/types';
import { presetConfig } from '../presets';
import { torchProjectZip } from './torchZip';

/** A tiny dataset (2 identities, 4 px): the export only copies its arrays. */
function tinyDataset(shift: number): FaceDataset {
  const set = (count: number) => ({
    pixels: Float32Array.from({ length: count * 16 }, (_, i) => ((i + shift) % 7) / 7),
    count,
    size: 4,
    channels: 1 as const,
    labels: Int32Array.from({ length: count }, (_, i) => i % 2),
  });
  return {
    train: set(4),
    trainIds: 2,
    depthPerId: new Int32Array([2, 2]),
    test: set(4),
    testIds: 2,
    pairs: {
      a: new Int32Array([0, 1]),
      b: new Int32Array([2, 3]),
      same: new Uint8Array([1, 0]),
      lookalike: new Uint8Array([0, 1]),
      fold: new Uint8Array([0, 1]),
    },
  };
}

function smoke(): ExperimentConfig {
  const c = presetConfig('smoke');
  return { ...c, steps: 5, eval: { ...c.eval, every: 5 }, analysis: { ...c.analysis, every: 0, landscapeEvery: 0 } };
}

const faces = new Map([
  [7, serializeDataset(tinyDataset(0))],
  [8, serializeDataset(tinyDataset(3))],
]);

/** name → bytes (hex) of every entry, read by Python's zipfile. */
async function readZip(chunks: Uint8Array[]): Promise<Record<string, string>> {
  const path = join(await mkdtemp(join(tmpdir(), 'torch-zip-')), 'p.zip');
  await writeFile(path, Buffer.concat(chunks));
  const script =
    'import json, sys, zipfile\nz = zipfile.ZipFile(sys.argv[1])\nassert z.testzip() is None\nprint(json.dumps({i.filename: z.read(i).hex() for i in z.infolist()}))';
  const run = spawnSync('/usr/bin/python3', ['-c', script, path], { encoding: 'utf8', maxBuffer: 1 << 26 });
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as Record<string, string>;
}

const text = (hex: string | undefined) => Buffer.from(hex ?? '', 'hex').toString('utf8');

describe('torchProjectZip', () => {
  it("zips the project of the session: config with its first seed, each seed's arrays from its faces, no reference", async () => {
    const made = torchProjectZip({ config: { ...smoke(), seed: 99 }, seeds: [7, 8], faces, origin: 'test' });
    if (!made.ok) throw new Error(made.problems.join('\n'));
    expect(made.filename).toBe('masst-pytorch-seed-7-and-1-more.zip');
    const files = await readZip(made.chunks);
    const root = 'masst-pytorch-seed-7-and-1-more/';
    for (const f of [
      'train.py',
      'masst_model.py',
      'config.json',
      'export.json',
      'README.md',
      'data/seed-7/index.json',
      'data/seed-8/train_pixels.f32',
      'data/seed-8/pairs_fold.u8',
    ]) {
      expect(Object.keys(files)).toContain(root + f);
    }
    expect(Object.keys(files).some((f) => f.includes('reference/'))).toBe(false);
    const config = JSON.parse(text(files[`${root}config.json`])) as ExperimentConfig;
    expect(config.steps).toBe(5);
    expect(config.seed).toBe(7);
    expect(JSON.parse(text(files[`${root}export.json`]))).toEqual({
      seeds: [7, 8],
      data: { 7: 'data/seed-7/index.json', 8: 'data/seed-8/index.json' },
      reference: false,
      origin: 'test',
    });
    const pixels = new Float32Array(
      new Uint8Array(Buffer.from(files[`${root}data/seed-8/train_pixels.f32`] ?? '', 'hex')).buffer,
    );
    expect(Array.from(pixels)).toEqual(Array.from(tinyDataset(3).train.pixels));
  });

  it('names every option it cannot carry and every seed whose faces are missing, instead of a zip', () => {
    const c = presetConfig('smoke');
    const made = torchProjectZip({
      config: { ...c, analysis: { ...c.analysis, every: 10, landscapeEvery: 10 } },
      seeds: [7, 9],
      faces,
      origin: 'test',
    });
    expect(made.ok).toBe(false);
    const problems = made.ok ? [] : made.problems;
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/^analysis\.every = 10 is not supported by the export/);
    expect(problems[1]).toMatch(/^analysis\.landscapeEvery = 10 is not supported/);
    expect(problems[2]).toMatch(/faces of seed 9 are not made yet/);
  });
});
