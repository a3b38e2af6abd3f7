/**
 * The one-screen rule (issue 20, docs/page.md#layout) at a projector's 1280×800 and at 1920×1080:
 * before Train the run buttons, the method drawn and the faces of the seed; while it trains the
 * run buttons, the progress, the loss and accuracy-difference charts and the verdict's place; at
 * the end the verdict sentence and the paired table: each inside the viewport, the page not
 * scrolled. The default scenario's shape (three methods, paired over seeds) at the smoke preset's size,
 * so a comparison takes seconds here. Chart text stays at 12 px or more.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from '@playwright/test';

const LINK = '/?preset=smoke&seeds=2&steps=30&evalEvery=5&smoothEvery=0&sliceEvery=0&backend=wasm';

/** Each locator's box lies inside the viewport, and the page is at its top (nothing was scrolled). */
async function expectInView(page: Page, named: Record<string, Locator>): Promise<void> {
  const size = page.viewportSize();
  if (size === null) throw new Error('no viewport size');
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  for (const [name, locator] of Object.entries(named)) {
    const box = await locator.boundingBox();
    expect(box, `${name} is laid out`).not.toBeNull();
    if (box === null) continue;
    const at = `${name} at x ${box.x.toFixed(0)}–${(box.x + box.width).toFixed(0)}, y ${box.y.toFixed(0)}–${(box.y + box.height).toFixed(0)} in ${size.width}×${size.height}`;
    expect(box.y >= 0 && box.x >= 0, at).toBe(true);
    expect(box.y + box.height <= size.height && box.x + box.width <= size.width, at).toBe(true);
  }
}

const progressOf = (page: Page) => page.locator('.comparison-progress');

/** The step the progress line shows ("step 12 / 30 · …"), NaN before the first. */
async function progressStep(page: Page): Promise<number> {
  return Number(/step (\d+) \//.exec(await progressOf(page).innerText())?.[1] ?? NaN);
}

const SIZES = [
  [1280, 800],
  [1920, 1080],
] as const;

/** expectInView at each size in turn (one comparison serves both: the layout follows the width). */
async function expectInViewAtEachSize(page: Page, named: Record<string, Locator>): Promise<void> {
  // No tooltip of a focused or hovered button over the page.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.mouse.move(0, 0);
  for (const [width, height] of SIZES) {
    await page.setViewportSize({ width, height });
    await expectInView(page, named);
  }
}

test('at 1280×800 and 1920×1080: the method and faces before Train, the charts and progress while it trains, the verdict at the end', async ({
  page,
}) => {
  // ~50 s on two cores; a machine shared with other test runs needs longer.
  test.setTimeout(420_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(LINK);

  // Before Train: the method drawn from the configuration alone (step 0) and the seed's faces.
  const overview = page.getByRole('figure', { name: 'Model overview' });
  const faces = page.getByRole('region', { name: 'Sample faces' });
  await expect(overview).toContainText('Agent 4');
  await expect(faces.getByRole('img', { name: /^identity \d+: 2 photos$/ })).toHaveCount(6);
  const train = page.getByRole('button', { name: 'Train', exact: true });
  await expectInViewAtEachSize(page, {
    Train: train,
    Step: page.getByRole('button', { name: 'Step', exact: true }),
    'the model overview': overview,
    'the sample faces': faces,
  });

  // While it trains, capped at 2 steps/s so there is a "while": once the difference has a line.
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.getByRole('combobox', { name: 'Speed' }).selectOption({ label: '2 steps/s' });
  await train.click();
  const loss = page.getByRole('img', { name: 'Training loss by step' });
  const difference = page.getByRole('img', { name: 'Accuracy difference by step, paired by seed' });
  await expect(difference).toBeVisible({ timeout: 180_000 });
  const pause = page.getByRole('button', { name: 'Pause' });
  await expect(pause).toBeVisible();
  await expect(progressOf(page)).toContainText(/step \d+ \/ 30 · about \d+ (s|min) left/);
  await expectInViewAtEachSize(page, {
    Pause: pause,
    'the progress line': progressOf(page),
    'the loss chart': loss,
    'the accuracy-difference chart': difference,
    'the verdict area': page.getByRole('region', { name: 'Verdict' }),
  });
  expect(await progressStep(page), 'still training when the charts were checked').toBeLessThan(30);
  // Chart text a projector can show: 12 px or more at 1280 wide.
  await page.setViewportSize({ width: 1280, height: 800 });
  const sizes = await page
    .locator('.svg-chart')
    .evaluateAll((charts) =>
      charts.flatMap((c) =>
        [...c.querySelectorAll('text, .chart-legend li')].map((t) => Number.parseFloat(getComputedStyle(t).fontSize)),
      ),
    );
  expect(sizes.length).toBeGreaterThan(10);
  expect(Math.min(...sizes)).toBeGreaterThanOrEqual(12);

  // At the end: the verdict sentence and the paired table.
  await page.getByRole('combobox', { name: 'Speed' }).selectOption({ label: 'Full speed' });
  await expect(progressOf(page)).toContainText('step 30 / 30 · done', { timeout: 180_000 });
  const verdict = page.getByRole('region', { name: 'What the comparison found' });
  await expect(verdict).toContainText(/Conventional/);
  await expectInViewAtEachSize(page, {
    'the verdict sentence': verdict,
    'the paired table': page.getByRole('table', { name: 'Paired differences' }),
    Train: train,
  });
  expect(errors).toEqual([]);
});
