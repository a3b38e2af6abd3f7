/**
 * 'auto' chooses the backend by measuring it: on this machine's SwiftShader the timings, not the
 * adapter's name, pick wasm, and the page shows them; the choice is kept for the device and shape,
 * so the same comparison after a reload says "measured earlier". With a core to spare, wasm is
 * timed on 2 threads and on one, and the faster kept. The threaded wasm build runs
 * XNNPACK on the 2 threads asked and trains the same losses as the single-threaded one
 * (bench.html's one-run mode, a few smoke steps).
 */
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import type { SimdKernelStatus } from '../src/backends/simdStatus';

const measurement = (page: Page) => page.getByLabel('Backend measurement');

test('auto measures the backends, shows the timings, picks wasm, and keeps the choice', async ({ page }) => {
  await page.goto('/?preset=smoke&methods=sst&steps=3');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  // The trial is ~3 s on an idle machine; a busy one stretches every backend's time alike.
  await expect(measurement(page)).toBeVisible({ timeout: 200_000 });
  const text = (await measurement(page).textContent()) ?? '';
  expect(text).toMatch(/\bwasm [\d.]+ ms\/step\b/);
  expect(text).toMatch(/webgl[ :]/);
  // One run on a machine of 2+ cores leaves a core idle: wasm is timed on 2 threads as well, and
  // the faster count wins (on this machine's tiny smoke steps, usually one thread).
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  const threads = Math.min(8, cores);
  if (threads > 1) expect(text).toMatch(new RegExp(`\\bwasm on ${threads} threads [\\d.]+ ms/step\\b`));
  const chosen = /→ (wasm(?: on \d+ threads)?) \(measured in [\d.]+ s\)/.exec(text)?.[1];
  expect(chosen).toBeDefined();
  await expect(page.getByText('backend: wasm', { exact: false })).toBeVisible();

  await page.reload();
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(measurement(page)).toContainText(`→ ${chosen} (measured earlier)`, { timeout: 120_000 });
});

async function oneRun(
  page: Page,
  threads: number,
): Promise<{ threadedBuild: boolean; threads: number; simdKernels: SimdKernelStatus; losses: number[] }> {
  await page.goto(`/bench.html?oneRun=smoke&threads=${threads}&steps=4`);
  const handle = await page.waitForFunction(() => window.benchReply ?? null, null, { timeout: 180_000, polling: 250 });
  const reply = (await handle.jsonValue()) as NonNullable<Window['benchReply']>;
  if (reply.type !== 'oneRun') throw new Error(`one run failed: ${JSON.stringify(reply)}`);
  return {
    threadedBuild: reply.threadedBuild,
    threads: reply.threads,
    simdKernels: reply.simdKernels,
    losses: reply.times.losses,
  };
}

test('the threaded wasm build trains the same losses as one thread', async ({ page }) => {
  const single = await oneRun(page, 1);
  const threaded = await oneRun(page, 2);
  expect(single.threadedBuild).toBe(false);
  expect(threaded.threadedBuild).toBe(true);
  // XNNPACK's own count: tfjs caps it at half the logical cores unless wasmThreads.ts says otherwise.
  expect(threaded.threads).toBe(2);
  // Our SIMD kernels link to either build's memory (a plain one, and the threaded build's shared one).
  const all = { filterGrad: true, batchNorm: true, scatter: true };
  expect(single.simdKernels).toEqual(all);
  expect(threaded.simdKernels).toEqual(all);
  expect(threaded.losses).toHaveLength(4);
  for (const [i, loss] of threaded.losses.entries()) {
    const reference = single.losses[i] as number;
    expect(Number.isFinite(loss)).toBe(true);
    // XNNPACK splits sums differently across threads: float32 rounding, not a different step.
    expect(Math.abs(loss - reference)).toBeLessThan(1e-4 * Math.max(1, Math.abs(reference)));
  }
});
