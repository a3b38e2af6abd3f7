/**
 * Teacher mode and the guided scenarios: hide= hides what it names, lock=1 makes the form
 * read-only while Step still trains, each scenario button loads its configuration, and the inline
 * help is there for screen readers without changing any control's name.
 */
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { SCENARIOS } from '../src/ui/scenarios';

const heading = (page: Page, name: string) => page.getByRole('heading', { name, exact: true });

test('hide= hides the panels and controls it names, keeps the rest, and names an unknown one', async ({ page }) => {
  await page.goto('/?preset=smoke&hide=form,loss,smoothness,scenarios,charts');
  await expect(heading(page, 'Verification accuracy')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Experiment' })).toHaveCount(0);
  await expect(page.getByLabel('Steps', { exact: true })).toHaveCount(0);
  await expect(heading(page, 'Loss')).toHaveCount(0);
  await expect(heading(page, 'Smoothness of the loss')).toHaveCount(0);
  await expect(heading(page, 'Guided scenarios')).toHaveCount(0);
  await expect(heading(page, 'Loss landscape')).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('"charts" is not a panel or control');
  // The link the page writes keeps hide (the known names, in page order).
  await expect.poll(() => new URL(page.url()).searchParams.get('hide')).toBe('scenarios,form,loss,smoothness');

  await page.goto('/?preset=smoke&hide=methods,roc');
  await expect(page.getByRole('group', { name: 'Methods' })).toHaveCount(0);
  await expect(heading(page, 'ROC (latest evaluation)')).toHaveCount(0);
  await expect(page.getByLabel('Steps', { exact: true })).toBeVisible();
});

test('lock=1 makes the configuration read-only; Step still trains', async ({ page }) => {
  await page.goto('/?preset=smoke&methods=sst&lock=1');
  await expect(page.getByText('lock=1')).toBeVisible();
  await expect(page.getByLabel('Steps', { exact: true })).toBeDisabled();
  await expect(page.getByLabel('Scenario', { exact: true })).toBeDisabled();
  await expect(page.getByRole('checkbox', { name: 'SST', exact: true })).toBeDisabled();
  for (const s of SCENARIOS) await expect(page.getByRole('button', { name: s.title })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeEnabled();
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(page.getByRole('list', { name: 'Runs' }).getByRole('listitem')).toContainText([/step 1\b/], {
    timeout: 120_000,
  });
  expect(new URL(page.url()).searchParams.get('lock')).toBe('1');
});

test('each guided scenario loads its configuration and says what to watch', async ({ page }) => {
  await page.goto('/?preset=smoke');
  await expect(heading(page, 'Guided scenarios')).toBeVisible();
  for (const s of SCENARIOS) {
    await page.getByRole('button', { name: s.title }).click();
    await expect(heading(page, s.title)).toBeVisible();
    await expect(page.getByLabel('Scenario', { exact: true })).toHaveValue(s.sets.preset);
    await expect(page.getByLabel('Seeds', { exact: true })).toHaveValue(String(s.sets.seeds));
    const methods = s.sets.methods.split(',');
    await expect(page.getByRole('checkbox', { name: 'Conventional' })).toBeChecked({
      checked: methods.includes('conventional'),
    });
    await expect(page.getByRole('checkbox', { name: 'SST', exact: true })).toBeChecked({
      checked: methods.includes('sst'),
    });
    if ('smoothEvery' in s.sets)
      await expect(page.getByLabel('Smoothness check every (steps)')).toHaveValue(String(s.sets.smoothEvery));
    for (const w of s.watch)
      await expect(page.getByRole('link', { name: w.heading })).toHaveAttribute('href', `#panel-${w.panel}`);
    // The address is the scenario's link.
    await expect
      .poll(() => new URL(page.url()).searchParams.get('methods') ?? 'conventional,sst,masst4')
      .toBe(s.sets.methods);
  }
});

test('controls and chart headings carry their help for screen readers, names unchanged', async ({ page }) => {
  await page.goto('/?preset=smoke');
  await expect(page.getByLabel('EMA α')).toHaveAccessibleDescription(/α·θ_gallery/);
  await expect(page.getByRole('button', { name: 'Step', exact: true })).toHaveAccessibleDescription(/one iteration/);
  await expect(heading(page, 'Loss')).toHaveAccessibleDescription(/training loss/);
  // The loss fields sit in a collapsed group: open it, then focus one.
  await page.getByText('Model and loss', { exact: true }).click();
  await page.getByLabel('Margin m').focus();
  await expect(page.getByRole('tooltip').filter({ hasText: 'at least m' })).toBeVisible();
  await expect(heading(page, 'How it works')).toBeVisible();
});
