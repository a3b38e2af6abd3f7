/**
 * Nothing lost, nothing silent: the built app under its Content-Security-Policy trains without a
 * violation and without leaving this machine, its favicon loads, and URL parameters the page does
 * not use (unknown, repeated) are named on the page.
 */
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';

/** Everything that would mean the policy blocked something or the page failed. */
interface Watch {
  /** Console errors, the workers' included (Chromium logs a refused resource or wasm there). */
  consoleErrors: string[];
  pageErrors: string[];
  /** Every request other than to this server. */
  offsite: string[];
  /** Paths of the requests to this server, the workers' included. */
  local: string[];
  /** securitypolicyviolation events in the document, as "directive blocked-uri". */
  violations(): Promise<string[]>;
}

async function watch(page: Page): Promise<Watch> {
  const consoleErrors: string[] = [];
  const pageErrors: string[] = [];
  const offsite: string[] = [];
  const local: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || /Content Security Policy/i.test(m.text())) consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.hostname === '127.0.0.1') local.push(url.pathname);
    else offsite.push(r.url());
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const violations = () => page.evaluate(() => (window as unknown as { cspViolations?: string[] }).cspViolations ?? []);
  return { consoleErrors, pageErrors, offsite, local, violations };
}

async function expectClean(w: Watch): Promise<void> {
  expect(await w.violations()).toEqual([]);
  expect(w.consoleErrors).toEqual([]);
  expect(w.pageErrors).toEqual([]);
  expect(w.offsite).toEqual([]);
}

test('trains under the Content-Security-Policy with no violation, nothing fetched offsite, the favicon found', async ({
  page,
}) => {
  const w = await watch(page);
  const favicon = page.waitForResponse((r) => new URL(r.url()).pathname === '/favicon.svg');
  // steps=3 alone breaks "evaluate, probe and slice within the steps" (smoke's are 10): set them too.
  const response = await page.goto('/?preset=smoke&steps=3&evalEvery=3&smoothEvery=3&sliceEvery=3');
  // The policy is in the served page twice: as a header, which the workers' scripts carry too, and as a <meta>.
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self' 'wasm-unsafe-eval'");
  await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveAttribute(
    'content',
    /default-src 'none'/,
  );
  expect((await favicon).status()).toBe(200);
  await expect(page.getByLabel('Steps', { exact: true })).toHaveValue('3');
  await expect(page.getByRole('alert')).toHaveCount(0);

  await page.getByRole('button', { name: 'Train', exact: true }).click();
  const statuses = page.getByRole('list', { name: 'Runs' }).getByRole('listitem');
  await expect(statuses).toHaveCount(3, { timeout: 180_000 });
  // A blocked resource stops training: the console says why, in the message of a timeout.
  await expect
    .poll(
      async () => (await statuses.allTextContents()).every((t) => /step 3\b/.test(t)) || w.consoleErrors.join(' | '),
      { timeout: 180_000 },
    )
    .toBe(true);
  // The workers fetched and compiled wasm under 'wasm-unsafe-eval' (auto takes wasm on a software
  // adapter), and their requests are among those watched.
  await expect(page.getByText('backend: wasm')).toBeVisible();
  expect(w.local.filter((p) => p.endsWith('.wasm')).length).toBeGreaterThanOrEqual(2);
  await expectClean(w);

  const icon = await page.request.get('/favicon.svg');
  expect(icon.status()).toBe(200);
  expect(icon.headers()['content-type']).toContain('image/svg+xml');
});

test('the benchmark page starts a wasm run under the policy without a violation', async ({ page }) => {
  const w = await watch(page);
  await page.goto('/bench.html?backend=wasm&quick=1');
  await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveCount(1);
  // "starting wasm…" until the worker has compiled the wasm binary and begun to measure
  await expect(page.getByRole('status')).toContainText('wasm');
  await expect(page.getByRole('status')).not.toContainText('starting', { timeout: 60_000 });
  await page.waitForTimeout(5000);
  await expect(page.getByRole('status')).not.toHaveClass(/error/);
  await expectClean(w);
});

test('an unknown and a repeated URL parameter are both named on the page', async ({ page }) => {
  await page.goto('/?preset=smoke&setps=5&seed=1&seed=abc');
  await expect(
    page.getByRole('alert').filter({ hasText: 'setps = "5" is not a parameter and is ignored; did you mean steps?' }),
  ).toBeVisible();
  await expect(
    page.getByRole('alert').filter({
      hasText: 'seed is given 2 times ("1", "abc"); a parameter may appear once, so the first, "1", is used.',
    }),
  ).toBeVisible();
  await expect(page.getByLabel('Seed', { exact: true })).toHaveValue('1');
});
