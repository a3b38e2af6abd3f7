import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { loadOrGenerateDataset } from '../../cli/dataset-cache-node';
import { datasetCacheKey } from './cache';
import { defaultDataConfig } from './defaults';

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

// 8 px: the shift augmentation is at most a quarter of the side (validate()).
const base = defaultDataConfig();
const config = {
  ...base,
  imageSize: 8,
  trainIds: 2,
  testIds: 3,
  testImagesPerId: 2,
  pairs: 20,
  augment: { ...base.augment, shiftPx: 2 },
};

it('generates on a miss, then reads the same dataset back from disk', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'faces-'));
  dirs.push(dir);
  let calls = 0;
  const fresh = await loadOrGenerateDataset(config, 3, dir, () => calls++);
  expect(calls).toBeGreaterThan(0);
  expect(await readdir(dir)).toEqual([`${datasetCacheKey(config, 3)}.bin`]);
  calls = 0;
  const cached = await loadOrGenerateDataset(config, 3, dir, () => calls++);
  expect(calls).toBe(0);
  expect(cached).toEqual(fresh);
});

it('regenerates over a corrupt cache entry', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'faces-'));
  dirs.push(dir);
  await writeFile(join(dir, `${datasetCacheKey(config, 4)}.bin`), 'not a dataset');
  const ds = await loadOrGenerateDataset(config, 4, dir);
  expect(ds.train.count).toBe(4);
});
