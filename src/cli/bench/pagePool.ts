/**
 * The page's pool size, measured side by side in one browser: the demo comparison (3 methods ×
 * 3 seeds, a fixed number of steps) trained in the built page on 1, 2, … workers, each timed from
 * Train to the summary, with the main thread's task time over the same span (Chrome DevTools
 * Protocol `Performance.getMetrics` TaskDuration: CPU time of the page's rendering and message
 * handling, not wall time a busy core stretches), and the main thread's long tasks (longTasks.ts).
 * The faces are generated once per build by a warm-up run and then come from IndexedDB, so every
 * timed run trains the same way. A baseline build (an older commit's page, `--page-baseline DIR`)
 * is served at /baseline/ of the same origin, in a browser context of its own, and timed in turns
 * with the current one, so a change to the page is measured side by side in one run.
 */
import type { Browser, CDPSession, Page } from '@playwright/test';
import { withPreviewBrowser } from './chromium';
import type { LongTaskSummary } from './longTasks';
import { pageNow, readLongTasks, recordLongTasks, summariseLongTasks } from './longTasks';

/** Where a baseline build is served next to the page (`--page-baseline`), on the same origin so it reads the same cached faces. */
export const BASELINE_PATH = 'baseline/';

export interface PagePoolTime {
  workers: number;
  /** The page measured: the current build, or the baseline build served beside it. */
  build: 'current' | 'baseline';
  /** Evaluations and smoothness probes every LIVE_EVERY steps, so every chart changes while it trains; else one evaluation at the end. */
  live: boolean;
  /** Train → summary, s. */
  seconds: number;
  /** Share of that time the page's main thread ran tasks. */
  mainThreadBusy: number;
  /** Main-thread long tasks over that time, and whose they were. */
  longTasks: LongTaskSummary;
}

/** How often the live run evaluates and probes, in steps. */
export const LIVE_EVERY = 10;

async function taskSeconds(cdp: CDPSession): Promise<number> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: Array<{ name: string; value: number }> };
  return metrics.find((m) => m.name === 'TaskDuration')?.value ?? NaN;
}

async function timeRun(
  page: Page,
  url: string,
  timeoutMs: number,
): Promise<Omit<PagePoolTime, 'workers' | 'build' | 'live'>> {
  await page.goto(url);
  const train = page.getByRole('button', { name: 'Train', exact: true });
  await train.waitFor();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const before = await taskSeconds(cdp);
  const from = await pageNow(page);
  const start = Date.now();
  await train.click();
  await page.getByRole('region', { name: 'What the comparison found' }).waitFor({ timeout: timeoutMs });
  const seconds = (Date.now() - start) / 1000;
  const mainThreadBusy = ((await taskSeconds(cdp)) - before) / seconds;
  const longTasks = summariseLongTasks(await readLongTasks(page), from, await pageNow(page), seconds);
  await cdp.detach();
  return { seconds, mainThreadBusy, longTasks };
}

/** The pages of each build, in a browser context of their own, after a one-step warm-up that caches the faces. */
async function buildPages(
  browser: Browser,
  builds: ReadonlyArray<PagePoolTime['build']>,
  warmUpUrl: (build: PagePoolTime['build']) => string,
  log: (line: string) => void,
): Promise<Map<PagePoolTime['build'], Page>> {
  // One browser context (so one IndexedDB) per build: the two builds share an origin, and a build
  // whose database version is older cannot open the newer one's, so in a shared context it would
  // keep no comparison and cache no faces (measured: the baseline then regenerates its faces in
  // every run and skips the saves whose cost the current build pays).
  const pages = new Map<PagePoolTime['build'], Page>();
  for (const build of builds) {
    const page = await (await browser.newContext()).newPage();
    await recordLongTasks(page);
    log(`page: generating the demo faces once (warm-up${build === 'baseline' ? ', baseline build' : ''})…`);
    await timeRun(page, warmUpUrl(build), 15 * 60_000);
    pages.set(build, page);
  }
  return pages;
}

export interface PageDemoTime extends Omit<PagePoolTime, 'workers' | 'live'> {
  /** Turn of this build's run (0 first). */
  turn: number;
}

/**
 * The page's demo as a user runs it: `?preset=demo` and nothing else (its 600 steps, evaluations
 * and probes, the default pool), Train to summary, with the faces already cached. With
 * `baseline`, the two builds in turns, `rounds` runs each (baseline first in odd rounds, second
 * in even ones, so neither always runs on a fresher machine).
 */
export function measurePageDemo(
  rounds: number,
  baseline: boolean,
  log: (line: string) => void,
): Promise<PageDemoTime[]> {
  return withPreviewBrowser(4191, async (base, browser) => {
    const prefix = (build: PagePoolTime['build']) => `${base}${build === 'baseline' ? BASELINE_PATH : ''}`;
    const builds: Array<PagePoolTime['build']> = baseline ? ['baseline', 'current'] : ['current'];
    const pages = await buildPages(browser, builds, (build) => `${prefix(build)}?preset=demo&steps=1`, log);
    const out: PageDemoTime[] = [];
    for (let turn = 0; turn < rounds; turn++) {
      for (const build of turn % 2 === 0 ? builds : [...builds].reverse()) {
        log(`page demo, as a user runs it${build === 'baseline' ? ' (baseline build)' : ''}, round ${turn + 1}…`);
        const page = pages.get(build) as Page;
        out.push({ build, turn, ...(await timeRun(page, `${prefix(build)}?preset=demo`, 30 * 60_000)) });
      }
    }
    for (const page of pages.values()) await page.context().close();
    return out;
  });
}

/**
 * With `baseline`, each pool size is measured on the baseline build, then on the current one, in
 * turns. Last, a live run on two workers (or the one count given) for the long tasks of a page
 * whose every chart changes while it trains.
 */
export function measurePagePool(
  steps: number,
  workerCounts: readonly number[],
  baseline: boolean,
  log: (line: string) => void,
): Promise<PagePoolTime[]> {
  return withPreviewBrowser(4191, async (base, browser) => {
    const url = (build: PagePoolTime['build'], workers: number, n: number, live = false) =>
      `${base}${build === 'baseline' ? BASELINE_PATH : ''}?preset=demo&steps=${n}&evalEvery=${live ? LIVE_EVERY : n}&smoothEvery=${live ? LIVE_EVERY : 0}&workers=${workers}`;
    const builds: Array<PagePoolTime['build']> = baseline ? ['baseline', 'current'] : ['current'];
    const pages = await buildPages(browser, builds, (build) => url(build, Math.max(...workerCounts), 1), log);
    const pageOf = (build: PagePoolTime['build']): Page => pages.get(build) as Page;
    const out: PagePoolTime[] = [];
    for (const workers of workerCounts) {
      for (const build of builds) {
        log(
          `page pool: demo × ${steps} steps on ${workers} worker(s)${build === 'baseline' ? ' (baseline build)' : ''}…`,
        );
        out.push({
          workers,
          build,
          live: false,
          ...(await timeRun(pageOf(build), url(build, workers, steps), 30 * 60_000)),
        });
      }
    }
    const workers = workerCounts.includes(2) ? 2 : (workerCounts[0] ?? 1);
    for (const build of builds) {
      log(
        `page pool: demo × ${steps} steps on ${workers} worker(s), evaluations and probes every ${LIVE_EVERY} steps${build === 'baseline' ? ' (baseline build)' : ''}…`,
      );
      out.push({
        workers,
        build,
        live: true,
        ...(await timeRun(pageOf(build), url(build, workers, steps, true), 30 * 60_000)),
      });
    }
    for (const page of pages.values()) await page.context().close();
    return out;
  });
}
