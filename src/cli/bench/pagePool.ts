/**
 * The page's pool size, measured side by side in one browser: the demo comparison (3 methods ×
 * 3 seeds, a fixed number of steps) trained in the built page on 1, 2, … workers, each timed from
 * Train to the summary, with the main thread's long tasks (> 50 ms, the page's rendering) summed
 * over the same time. The faces are generated once by a warm-up page and then come from
 * IndexedDB, so every timed run trains the same way.
 */
import type { Page } from '@playwright/test';
import { withPreviewBrowser } from './chromium';

export interface PagePoolTime {
  workers: number;
  /** Train → summary, s. */
  seconds: number;
  /** Share of that time the main thread spent in long tasks. */
  mainThreadBusy: number;
}

declare global {
  interface Window {
    longTaskMs?: number;
  }
}

async function timeRun(page: Page, url: string, timeoutMs: number): Promise<{ seconds: number; busy: number }> {
  await page.goto(url);
  const train = page.getByRole('button', { name: 'Train' });
  await train.waitFor();
  await page.evaluate(() => {
    window.longTaskMs = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.longTaskMs = (window.longTaskMs ?? 0) + e.duration;
    }).observe({ type: 'longtask' });
  });
  const start = Date.now();
  await train.click();
  await page.getByRole('region', { name: 'What the comparison found' }).waitFor({ timeout: timeoutMs });
  const seconds = (Date.now() - start) / 1000;
  const busy = (await page.evaluate(() => window.longTaskMs ?? 0)) / 1000 / seconds;
  return { seconds, busy };
}

export function measurePagePool(steps: number, workerCounts: readonly number[], log: (line: string) => void): Promise<PagePoolTime[]> {
  return withPreviewBrowser(4191, async (base, browser) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const url = (workers: number, n: number) => `${base}?preset=demo&steps=${n}&evalEvery=${n}&probeEvery=0&workers=${workers}`;
    log('page pool: generating the demo faces once (warm-up)…');
    await timeRun(page, url(Math.max(...workerCounts), 1), 15 * 60_000);
    const out: PagePoolTime[] = [];
    for (const workers of workerCounts) {
      log(`page pool: demo × ${steps} steps on ${workers} worker(s)…`);
      const { seconds, busy } = await timeRun(page, url(workers, steps), 30 * 60_000);
      out.push({ workers, seconds, mainThreadBusy: busy });
    }
    await context.close();
    return out;
  });
}
