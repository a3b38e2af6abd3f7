/**
 * The page's pool size, measured side by side in one browser: the demo comparison (3 methods ×
 * 3 seeds, a fixed number of steps) trained in the built page on 1, 2, … workers, each timed from
 * Train to the summary, with the main thread's task time over the same span (Chrome DevTools
 * Protocol `Performance.getMetrics` TaskDuration: CPU time of the page's rendering and message
 * handling, not wall time a busy core stretches). The faces are generated once by a warm-up page and then come from
 * IndexedDB, so every timed run trains the same way.
 */
import type { CDPSession, Page } from '@playwright/test';
import { withPreviewBrowser } from './chromium';

export interface PagePoolTime {
  workers: number;
  /** Train → summary, s. */
  seconds: number;
  /** Share of that time the page's main thread ran tasks. */
  mainThreadBusy: number;
}

async function taskSeconds(cdp: CDPSession): Promise<number> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: Array<{ name: string; value: number }> };
  return metrics.find((m) => m.name === 'TaskDuration')?.value ?? NaN;
}

async function timeRun(page: Page, url: string, timeoutMs: number): Promise<{ seconds: number; busy: number }> {
  await page.goto(url);
  const train = page.getByRole('button', { name: 'Train' });
  await train.waitFor();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const before = await taskSeconds(cdp);
  const start = Date.now();
  await train.click();
  await page.getByRole('region', { name: 'What the comparison found' }).waitFor({ timeout: timeoutMs });
  const seconds = (Date.now() - start) / 1000;
  const busy = ((await taskSeconds(cdp)) - before) / seconds;
  await cdp.detach();
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
