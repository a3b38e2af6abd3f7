/**
 * The charts a reader handles (SvgLineChart), on the loss chart of a short smoke run: a legend
 * entry hides its series through further training and a reload of the link; a drag across the
 * plot zooms the x axis, which stays zoomed while training goes on, and a double-click resets it;
 * the arrow keys move a crosshair whose values are read out in an aria-live region; the tooltip
 * lists every shown series.
 */
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { runItems } from './runs';

const LINK = '/?preset=smoke&steps=16&methods=conventional,sst&evalEvery=8&smoothEvery=0&sliceEvery=0&workers=1';
const LOSS = 'Training loss by step';

const chart = (page: Page) => page.locator('.svg-chart', { has: page.getByRole('img', { name: LOSS }) });
const plot = (page: Page) => page.getByRole('img', { name: LOSS });
const legendEntry = (page: Page, name: string) =>
  chart(page).locator('.chart-legend').getByRole('button', { name, exact: true });
const readout = (page: Page) => chart(page).locator('[aria-live="polite"]');
/** The lines drawn in the plot (raw and smoothed per shown run). */
const drawnLines = (page: Page) => plot(page).locator('g[clip-path] > path');

/** The x axis' tick labels, as numbers. */
async function xTicks(page: Page): Promise<number[]> {
  return (await plot(page).locator('.axis text[text-anchor="middle"]').allTextContents()).map(Number);
}

async function stepsOf(page: Page): Promise<number[]> {
  return (await runItems(page).allTextContents()).map((t) => Number(/step (\d+)/.exec(t)?.[1] ?? NaN));
}

/** Presses Step until both runs show step `n`. */
async function stepTo(page: Page, n: number): Promise<void> {
  for (let k = 1; k <= n; k++) {
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await expect.poll(() => stepsOf(page), { timeout: 90_000 }).toEqual([k, k]);
  }
}

test('legend toggle, drag-zoom and the keyboard crosshair survive live updates; hidden series come back with the link', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(LINK);
  await stepTo(page, 4);
  await expect(drawnLines(page)).toHaveCount(4);

  // The tooltip lists every series at the hovered step.
  await plot(page).scrollIntoViewIfNeeded();
  const box = await plot(page).boundingBox();
  if (box === null) throw new Error('the loss chart has no box');
  const left = box.x + 52;
  const right = box.x + box.width - 16;
  const midY = box.y + 60;
  await page.mouse.move(left + (right - left) / 3, midY);
  const tooltip = chart(page).locator('.chart-tooltip');
  for (const name of ['Conventional (raw)', 'Conventional', 'SST (raw)', 'SST'])
    await expect(tooltip).toContainText(`${name}: `);

  // Hide SST: its raw and smoothed lines go, the link names it.
  const sst = legendEntry(page, 'SST');
  await expect(sst).toHaveAttribute('aria-pressed', 'true');
  await sst.click();
  await expect(sst).toHaveAttribute('aria-pressed', 'false');
  await expect(drawnLines(page)).toHaveCount(2);
  await expect.poll(() => new URL(page.url()).searchParams.get('hideSeries')).toBe('loss:SST');

  // Zoom into the first half of the steps so far.
  const before = await xTicks(page);
  expect(Math.max(...before)).toBe(4);
  await page.mouse.move(left + 2, midY);
  await page.mouse.down();
  await page.mouse.move(left + (right - left) / 2, midY, { steps: 5 });
  await page.mouse.up();
  await expect(chart(page).getByRole('button', { name: `Reset zoom of ${LOSS}` })).toBeVisible();
  await expect.poll(async () => Math.max(...(await xTicks(page)))).toBeLessThanOrEqual(2.5);

  // Further updates: train to the end. SST stays hidden, the zoom stays.
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect.poll(() => stepsOf(page), { timeout: 90_000 }).toEqual([16, 16]);
  await expect(sst).toHaveAttribute('aria-pressed', 'false');
  await expect(drawnLines(page)).toHaveCount(2);
  expect(Math.max(...(await xTicks(page)))).toBeLessThanOrEqual(2.5);

  // Double-click resets the zoom to every step.
  await plot(page).dblclick({ position: { x: box.width / 2, y: 60 } });
  await expect.poll(async () => Math.max(...(await xTicks(page)))).toBeGreaterThan(10);
  await expect(chart(page).getByRole('button', { name: `Reset zoom of ${LOSS}` })).toHaveCount(0);

  // Keyboard: focus the chart, Home, →, End; the readout names the step and every shown series.
  await plot(page).focus();
  await page.keyboard.press('Home');
  await expect(readout(page)).toHaveText(/^step 1: Conventional \(raw\) [\d.]+, Conventional [\d.]+$/);
  await page.keyboard.press('ArrowRight');
  await expect(readout(page)).toHaveText(/^step 2: Conventional \(raw\) [\d.]+, Conventional [\d.]+$/);
  await page.keyboard.press('End');
  await expect(readout(page)).toHaveText(/^step 16: Conventional \(raw\) [\d.]+, Conventional [\d.]+$/);
  await page.keyboard.press('ArrowRight');
  await expect(readout(page)).toHaveText(/^step 16: /);
  await expect(chart(page).locator('.chart-tooltip')).toContainText('step 16');

  // The link brings the hidden series back hidden.
  await page.reload();
  await stepTo(page, 1);
  await expect(legendEntry(page, 'SST')).toHaveAttribute('aria-pressed', 'false');
  await expect(legendEntry(page, 'Conventional')).toHaveAttribute('aria-pressed', 'true');
  await expect(drawnLines(page)).toHaveCount(2);
  await legendEntry(page, 'SST').click();
  await expect(drawnLines(page)).toHaveCount(4);
  await expect.poll(() => new URL(page.url()).searchParams.get('hideSeries')).toBeNull();
  expect(errors).toEqual([]);
});
