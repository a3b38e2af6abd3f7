/**
 * The threaded wasm build against the single-threaded one, side by side in one bench run: one run
 * of the demo preset (its last method, MASST K=4) trained in bench.html's one-run mode on 1 and
 * on 2 threads, in turns (1, 2, 1, 2), each in a fresh page, so a busy machine's drift falls on
 * both. Node cannot do it: tfjs never runs the threaded build there.
 */
import type { BenchReply } from '../../bench/protocol';
import { withPreviewBrowser } from './chromium';

export interface ThreadsTime {
  /** Threads asked for. */
  asked: number;
  /** Whether the threaded build started, and the threads XNNPACK reports. */
  threadedBuild: boolean;
  threads: number;
  msPerStep: number;
}

export function measureThreads(steps: number, log: (line: string) => void): Promise<ThreadsTime[]> {
  return withPreviewBrowser(4192, async (base, browser) => {
    const out: ThreadsTime[] = [];
    for (const asked of [1, 2, 1, 2]) {
      log(`threads: one demo run × ${steps} steps on ${asked} thread(s)…`);
      const page = await browser.newPage();
      await page.goto(`${base}bench.html?oneRun=demo&threads=${asked}&steps=${steps}`);
      const handle = await page.waitForFunction(() => window.benchReply ?? null, null, {
        timeout: 20 * 60_000,
        polling: 500,
      });
      const reply = (await handle.jsonValue()) as BenchReply;
      await page.close();
      if (reply.type !== 'oneRun')
        throw new Error(
          `the one-run page on ${asked} thread(s) failed: ${reply.type === 'error' ? reply.message : reply.type}`,
        );
      out.push({ asked, threadedBuild: reply.threadedBuild, threads: reply.threads, msPerStep: reply.times.msPerStep });
    }
    return out;
  });
}

/** "threads: 1 → 120 ms/step, 2 → 70 ms/step (XNNPACK reports 2): 1.71×", from the medians of the turns. */
export function threadsLine(times: readonly ThreadsTime[], load: number): string {
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
  const of = (asked: number) => times.filter((t) => t.asked === asked);
  const one = median(of(1).map((t) => t.msPerStep));
  const two = median(of(2).map((t) => t.msPerStep));
  const reported = of(2)[0];
  const build = reported
    ? `${reported.threadedBuild ? 'threaded build' : 'single-threaded build'}, XNNPACK reports ${reported.threads} thread(s)`
    : 'not measured';
  return `threads (one demo run, wasm in Chromium): 1 → ${one.toFixed(0)} ms/step, 2 → ${two.toFixed(0)} ms/step (${build}): ${(one / two).toFixed(2)}× (load average ${load.toFixed(1)} on this machine)`;
}
