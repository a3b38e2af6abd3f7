/**
 * The benchmark in Chromium: serves the built app (dist/, `vite preview`), opens bench.html once
 * per backend in the system Chromium and collects what the page measured (src/bench/page.ts).
 * Every backend gets a fresh page, so no backend's kernels or memory carry into the next.
 */
import { chromium } from '@playwright/test';
import { preview } from 'vite';
import type { BackendName } from '../../worker/protocol';
import type { BackendTimes } from '../../bench/measure';
import type { BenchReply } from '../../bench/protocol';
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from '../chromium';

export const BROWSER_BACKENDS: readonly BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];

export interface BrowserTimes {
  adapter: string;
  times: BackendTimes;
}

/** Per backend: its times, or the error the page reported (e.g. no WebGPU adapter). */
export type BrowserResults = Record<string, BrowserTimes | { error: string }>;

/** One page's run of one backend; a full (non-quick) run of a software backend takes minutes. */
const PAGE_TIMEOUT_MS = 30 * 60_000;

export async function measureInChromium(backends: readonly BackendName[], quick: boolean, log: (line: string) => void): Promise<BrowserResults> {
  const server = await preview({ preview: { host: '127.0.0.1', port: 4190 }, logLevel: 'warn' });
  const base = server.resolvedUrls?.local[0];
  const browser = await chromium.launch({ executablePath: CHROMIUM_EXECUTABLE, args: [...CHROMIUM_ARGS] });
  const out: BrowserResults = {};
  try {
    if (base === undefined) throw new Error('vite preview started without a local URL');
    for (const backend of backends) {
      log(`measuring chromium/${backend}…`);
      const page = await browser.newPage();
      await page.goto(`${base}bench.html?backend=${backend}&quick=${quick ? 1 : 0}`);
      const handle = await page.waitForFunction(() => window.benchReply ?? null, null, { timeout: PAGE_TIMEOUT_MS, polling: 500 });
      const reply = (await handle.jsonValue()) as BenchReply;
      out[backend] = reply.type === 'result' ? { adapter: reply.adapter, times: reply.times } : { error: reply.type === 'error' ? reply.message : 'no result' };
      await page.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return out;
}
