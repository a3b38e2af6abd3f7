/**
 * The benchmark in Chromium: serves the built app (dist/, `vite preview`), opens bench.html once
 * per backend in the system Chromium and collects what the page measured (src/bench/page.ts).
 * Every backend gets a fresh page, so no backend's kernels or memory carry into the next.
 */
import { chromium } from '@playwright/test';
import type { Browser } from '@playwright/test';
import { preview } from 'vite';
import type { BackendName } from '../../core/backends';
import type { BackendTimes } from '../../bench/measure';
import type { BenchReply } from '../../bench/protocol';
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from '../chromium';

export const BROWSER_BACKENDS: readonly BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];

/** One backend's outcome: what it measured (all of it, or what it had when it failed or ran out of time). */
export interface BrowserOutcome {
  adapter: string | null;
  times: Partial<BackendTimes>;
  /** Why some times are missing: the page's error, or the time limit; null when complete. */
  error: string | null;
}

/** Serves dist/ with `vite preview` on `port`, launches the system Chromium, runs `use`, closes both. */
export async function withPreviewBrowser<T>(
  port: number,
  use: (base: string, browser: Browser) => Promise<T>,
): Promise<T> {
  const server = await preview({ preview: { host: '127.0.0.1', port }, logLevel: 'warn' });
  const base = server.resolvedUrls?.local[0];
  const browser = await chromium.launch({ executablePath: CHROMIUM_EXECUTABLE, args: [...CHROMIUM_ARGS] });
  try {
    if (base === undefined) throw new Error('vite preview started without a local URL');
    return await use(base, browser);
  } finally {
    await browser.close();
    await server.close();
  }
}

export function measureInChromium(
  backends: readonly BackendName[],
  quick: boolean,
  limitMinutes: number,
  log: (line: string) => void,
): Promise<Record<string, BrowserOutcome>> {
  return withPreviewBrowser(4190, async (base, browser) => {
    const out: Record<string, BrowserOutcome> = {};
    for (const backend of backends) {
      log(`measuring chromium/${backend} (at most ${limitMinutes} min)…`);
      const page = await browser.newPage();
      await page.goto(`${base}bench.html?backend=${backend}&quick=${quick ? 1 : 0}`);
      try {
        const handle = await page.waitForFunction(() => window.benchReply ?? null, null, {
          timeout: limitMinutes * 60_000,
          polling: 500,
        });
        const reply = (await handle.jsonValue()) as BenchReply;
        if (reply.type === 'result') out[backend] = { adapter: reply.adapter, times: reply.times, error: null };
      } catch (err) {
        if (!(err instanceof Error && err.name === 'TimeoutError')) throw err;
      }
      if (out[backend] === undefined) {
        const reply = await page.evaluate(() => window.benchReply);
        const partial = await page.evaluate(() => window.benchPartial);
        out[backend] = {
          adapter: partial?.adapter ?? null,
          times: partial?.times ?? {},
          error:
            reply?.type === 'error'
              ? reply.message
              : `stopped after the ${limitMinutes}-minute limit (--chromium-minutes)`,
        };
      }
      await page.close();
    }
    return out;
  });
}
