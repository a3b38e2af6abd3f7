/**
 * A sweep trained in the page (issue 18, page side): the URL carries a 2 × 1 smoke sweep
 * (masst.agentAlpha = shared, horizonMatched × SST, MASST K=2 × seed 1, a few steps); Train sweep
 * trains its 3 distinct runs on the page's workers (SST once for both cells), fills the heatmap
 * "Sweep", and says so; the same sweep again reuses all 3 from the page's run store and trains
 * nothing; a click on a cell shows its comparison in the page's charts from the stored runs; a
 * malformed sweep value in the URL is named; Clear stored data empties the run store.
 */
import { expect, test } from '@playwright/test';

const SWEEP = 'sweepAxis1=masst.agentAlpha:shared,horizonMatched&sweepMethods=sst,masst2&sweepSeeds=1';
/**
 * Smoke shrunk to seconds a run: 4 steps of 4 identities at 16 px, one evaluation and one
 * smoothness probe at the end, on wasm (what 'auto' picks in headless Chromium, without asking a
 * worker first). ~40 s for the whole test on an idle 2-core machine; the timeouts leave room for a
 * loaded one.
 */
const URL = `/?preset=smoke&steps=4&evalEvery=4&smoothEvery=4&sliceEvery=0&batch=4&queue=8&trainIds=24&backend=wasm&${SWEEP}`;

test('a 2 × 1 sweep trains in the page, fills the heatmap, is reused the second time, and a cell shows its charts', async ({
  page,
}) => {
  test.setTimeout(480_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(URL);
  const section = page.getByRole('region', { name: 'Sweep', exact: true });
  await expect(section.getByRole('combobox', { name: 'Sweep axis 1 (rows)' })).toHaveValue('masst.agentAlpha');
  await expect(section.getByRole('checkbox', { name: 'horizonMatched', exact: true })).toBeChecked();
  await expect(section.getByRole('checkbox', { name: 'perAgent', exact: true })).not.toBeChecked();
  await expect(section.getByText('2 cells × 2 methods × 1 seeds = 4 runs, 3 distinct by run key.')).toBeVisible();

  await section.getByRole('button', { name: 'Train sweep' }).click();
  const status = section.getByRole('status');
  await expect(status).toHaveText(/^Sweep finished: trained 3 runs, reused 0 \(3 distinct runs for 4 in the grid\)/, {
    timeout: 240_000,
  });
  const figure = page.getByRole('figure', { name: 'Sweep', exact: true });
  const cells = figure.getByRole('button');
  await expect(cells).toHaveCount(2);
  await expect(cells.nth(0)).toHaveAttribute(
    'aria-label',
    /^masst\.agentAlpha=shared: MASST K=2 − SST [+−±]\d+\.\d points of 10-fold accuracy, [01] of 1 seeds positive; one seed: no verdict$/,
  );
  await expect(cells.nth(1)).toHaveAttribute('aria-label', /^masst\.agentAlpha=horizonMatched: MASST K=2 − SST /);
  await expect(section.getByText(/Run store in this browser: 3 runs, /)).toBeVisible();

  // The same sweep again: everything comes from the run store.
  await section.getByRole('button', { name: 'Train sweep' }).click();
  await expect(status).toHaveText(/^Sweep finished: trained 0 runs, reused 3 /, { timeout: 60_000 });
  await expect(cells).toHaveCount(2);

  // A cell's comparison in the page's charts, from its stored runs.
  await cells.nth(1).click();
  await expect(section.getByText('now show cell masst.agentAlpha=horizonMatched from its stored runs')).toBeVisible();
  // The page's paired table reads the same difference as the heatmap's cell (a fraction there, points here).
  const cellMean =
    /MASST K=2 − SST ([+−±]\d+\.\d) points/.exec((await cells.nth(1).getAttribute('aria-label')) ?? '')?.[1] ?? 'none';
  const paired = page.getByRole('table', { name: 'Paired differences', exact: true });
  const row = paired.getByRole('row', { name: /MASST K=2 − SST/ });
  await expect(row).toContainText('· 1/1');
  const tableMean = /([+−±])(\d\.\d{3})/.exec((await row.textContent()) ?? '');
  expect(`${tableMean?.[1] ?? ''}${(100 * Number(tableMean?.[2])).toFixed(1)}`).toBe(cellMean);
  await expect(page.getByRole('img', { name: 'Training loss by step' })).toBeVisible();
  await expect(page.getByRole('img', { name: 'Verification accuracy by step' })).toBeVisible();
  await expect(
    page.getByRole('table', { name: 'Paired differences of masst.agentAlpha=horizonMatched' }),
  ).toBeVisible();
  // Its loss line has points (the stored series), not an empty chart.
  await expect(page.getByRole('img', { name: 'Training loss by step' }).locator('path[d^="M"]').first()).toBeVisible();

  // Clear stored data empties the run store too.
  await page.getByRole('button', { name: 'Clear stored data' }).click();
  await section.getByRole('button', { name: 'Train sweep' }).click();
  await expect(status).toHaveText(/^Sweep finished: trained 3 runs, reused 0 /, { timeout: 240_000 });
  expect(errors).toEqual([]);
});

test('a malformed sweep value in the URL is named with what is allowed', async ({ page }) => {
  await page.goto('/?preset=smoke&sweepAxis1=masst.agentAlpha:shared,sometimes&sweepSeeds=1,x');
  await expect(
    page.getByText(
      'sweepAxis1: masst.agentAlpha value "sometimes" is not allowed: expected one of shared, perAgent, horizonMatched; it is left out.',
    ),
  ).toBeVisible();
  await expect(page.getByText(/sweepSeeds = "1,x" is not allowed: expected 1 to 16 distinct integers/)).toBeVisible();
  const section = page.getByRole('region', { name: 'Sweep', exact: true });
  await expect(section.getByRole('checkbox', { name: 'shared', exact: true })).toBeChecked();
  await expect(section.getByRole('checkbox', { name: 'horizonMatched', exact: true })).not.toBeChecked();
});
