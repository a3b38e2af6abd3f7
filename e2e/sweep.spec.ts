/**
 * Import sweep (issue 18) end to end: the built runner (`node dist-cli/sweep.js`, built by
 * `vite build -c vite.cli.config.ts`) trains a 2 × 1 smoke sweep on cpu (2 cells × SST, MASST K=2
 * × 2 seeds, shrunk to seconds), the page imports its sweep.json, the heatmap "Sweep" shows one
 * button per cell whose label reads the file's numbers, a click and Enter show a cell's paired
 * table, a file of another version is refused with its message while the heatmap stays, and
 * hide=sweep leaves the section out.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { tinySweep } from '../src/test/tinySweep';

const runner = fileURLToPath(new URL('../dist-cli/sweep.js', import.meta.url));

const TINY = tinySweep('1,2');

interface Cell {
  label: string;
  pairs: Array<{
    label: string;
    verdict: string;
    accuracy: { perSeed: number[]; mean: number; positive: number; n: number };
  }>;
}

const WORDS: Record<string, string> = {
  better: 'passes the verdict rule: better',
  worse: 'passes the verdict rule: worse',
  noise: 'does not pass the verdict rule: within noise',
};
/** "+1.2" / "−5.0" points, as the page writes them. */
const points = (x: number): string => `${x > 0 ? '+' : x < 0 ? '−' : '±'}${Math.abs(100 * x).toFixed(1)}`;

test('a runner sweep.json imports into the Sweep heatmap, a cell shows its paired table, a file of another version is refused', async ({
  page,
}, info) => {
  test.setTimeout(240_000);
  expect(existsSync(runner), `${runner} is missing: run "npx vite build -c vite.cli.config.ts" first`).toBe(true);
  const out = info.outputPath('sweep');
  await promisify(execFile)(process.execPath, [runner, ...TINY, '--out', out, '--store', info.outputPath('store')], {
    timeout: 180_000,
  });
  const path = `${out}/sweep.json`;
  const text = await readFile(path, 'utf8');
  const file = JSON.parse(text) as { cells: Cell[] };
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));

  await page.goto('/?preset=smoke');
  const section = page.getByRole('region', { name: 'Sweep', exact: true });
  await expect(section.getByText(/Or import a sweep\.json of npm run sweep\./)).toBeVisible();
  await section.getByLabel('Import sweep').setInputFiles(path);

  const figure = page.getByRole('figure', { name: 'Sweep', exact: true });
  await expect(figure).toBeVisible();
  await expect(section.getByRole('combobox', { name: 'Colour by' })).toHaveValue('MASST K=2 − SST');
  const cells = figure.getByRole('button');
  await expect(cells).toHaveCount(2);
  for (const [i, cell] of file.cells.entries()) {
    const pair = cell.pairs[0] as Cell['pairs'][number];
    const a = pair.accuracy;
    const label = `${cell.label}: MASST K=2 − SST ${points(a.mean)} points of 10-fold accuracy, ${a.positive} of ${a.n} seeds positive; ${WORDS[pair.verdict]}`;
    await expect(cells.nth(i)).toHaveAttribute('aria-label', label);
    await expect(cells.nth(i)).toContainText(`${a.positive}/${a.n}`);
    await expect(cells.nth(i)).toContainText(points(a.mean));
  }

  // A click shows the cell's paired table: one row per pair, a column per seed.
  const second = file.cells[1] as Cell;
  await cells.nth(1).click();
  const table = page.getByRole('table', { name: `Paired differences of ${second.label}` });
  await expect(table).toBeVisible();
  const row = table.getByRole('row', { name: /^MASST K=2 − SST/ });
  const perSeed = (second.pairs[0] as Cell['pairs'][number]).accuracy.perSeed;
  await expect(row.getByRole('cell').nth(0)).toHaveText(points(perSeed[0] as number));
  await expect(row.getByRole('cell').nth(1)).toHaveText(points(perSeed[1] as number));
  await expect(page.getByText('Differs from the base (smoke with analysis.every=4')).toContainText(
    'masst.agentAlpha "shared" → "horizonMatched"',
  );
  // A runner's file has no per-step series: the page says so instead of drawing charts.
  await expect(
    section.getByText("An imported sweep.json holds each run's final numbers, not its per-step series"),
  ).toBeVisible();

  // Keyboard: Tab to the first cell, Enter shows its table.
  await cells.nth(0).focus();
  await page.keyboard.press('Enter');
  await expect(
    page.getByRole('table', { name: `Paired differences of ${(file.cells[0] as Cell).label}` }),
  ).toBeVisible();

  // Another version is refused with its message; the imported sweep stays.
  const broken = JSON.stringify({ ...JSON.parse(text), version: 2 });
  await section
    .getByLabel('Import sweep')
    .setInputFiles({ name: 'broken-sweep.json', mimeType: 'application/json', buffer: Buffer.from(broken) });
  await expect(section.getByRole('alert')).toHaveText(
    "broken-sweep.json: its version is 2: this page reads sweep files of version 1 (SWEEP_VERSION) only; run the sweep again with this build's npm run sweep, or load a build of its version.",
  );
  await expect(cells).toHaveCount(2);
  expect(errors).toEqual([]);

  // Teacher mode: hide=sweep leaves the section out.
  await page.goto('/?preset=smoke&hide=sweep');
  await expect(
    page
      .getByRole('heading', { name: 'Paired differences' })
      .or(page.getByRole('button', { name: 'Train' }))
      .first(),
  ).toBeVisible();
  await expect(page.getByRole('region', { name: 'Sweep', exact: true })).toHaveCount(0);
});
