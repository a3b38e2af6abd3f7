/**
 * Main-thread long tasks (> 50 ms) of a page, recorded by the page itself from its first script
 * on: a PerformanceObserver for 'longtask' (what is counted) and one for 'long-animation-frame'
 * (Chromium's LoAF entries), which split a long frame into the page's scripts, by entry point, and
 * the browser's own style, layout and paint, so the report can say whose time it was. Every
 * script on the page is the app's bundle (React, the charts and ours), so "script" is our code.
 */
import type { Page } from '@playwright/test';

export interface LongTask {
  start: number;
  duration: number;
}

export interface LongFrame {
  start: number;
  duration: number;
  /** Scripts of this frame (those over 5 ms, as Chromium lists them): entry point and ms. */
  scripts: Array<{ invoker: string; ms: number; forcedLayoutMs: number }>;
  /** From the start of rendering (rAF callbacks, style, layout, paint) to the frame's end, ms. */
  renderMs: number;
}

export interface LongTaskRecord {
  tasks: LongTask[];
  frames: LongFrame[];
}

export interface LongTaskSummary {
  count: number;
  perMinute: number;
  totalMs: number;
  longestMs: number;
  /** Long animation frames over the same span, their time split by whose it was. */
  frames: {
    count: number;
    /** In the page's scripts, forced style and layout inside them included. */
    scriptMs: number;
    /** Style and layout that scripts forced (reading sizes after a change), ms. */
    forcedLayoutMs: number;
    /** The browser's rendering after the scripts: style, layout, paint. */
    renderMs: number;
    /** Script ms by entry point, largest first. */
    byInvoker: Array<{ invoker: string; ms: number }>;
  };
}

declare global {
  interface Window {
    longTaskRecord?: LongTaskRecord;
  }
}

/** Runs in the page before its own scripts (page.addInitScript): self-contained, no imports. */
function observeLongTasks(): void {
  const record: LongTaskRecord = { tasks: [], frames: [] };
  window.longTaskRecord = record;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) record.tasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  interface ScriptEntry {
    invoker: string;
    duration: number;
    forcedStyleAndLayoutDuration: number;
  }
  interface FrameEntry {
    startTime: number;
    duration: number;
    renderStart: number;
    scripts: ScriptEntry[];
  }
  if (!PerformanceObserver.supportedEntryTypes.includes('long-animation-frame')) return;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries() as unknown as FrameEntry[]) {
      record.frames.push({
        start: e.startTime,
        duration: e.duration,
        // An origin in an entry point ("http://127.0.0.1:4191/assets/x.js") says nothing here.
        scripts: e.scripts.map((s) => ({
          invoker: s.invoker.replace(/^https?:\/\/[^/]+/, ''),
          ms: s.duration,
          forcedLayoutMs: s.forcedStyleAndLayoutDuration,
        })),
        renderMs: e.renderStart > 0 ? e.startTime + e.duration - e.renderStart : 0,
      });
    }
  }).observe({ type: 'long-animation-frame', buffered: true });
}

export async function recordLongTasks(page: Page): Promise<void> {
  await page.addInitScript(observeLongTasks);
}

/** The page's clock now, ms (the records' time base). */
export const pageNow = (page: Page): Promise<number> => page.evaluate(() => performance.now());

export async function readLongTasks(page: Page): Promise<LongTaskRecord> {
  return page.evaluate(() => window.longTaskRecord ?? { tasks: [], frames: [] });
}

/** The long tasks and frames that started in [from, to) (page ms), over `seconds` of wall time. */
export function summariseLongTasks(record: LongTaskRecord, from: number, to: number, seconds: number): LongTaskSummary {
  const within = <T extends { start: number }>(xs: readonly T[]) => xs.filter((x) => x.start >= from && x.start < to);
  const tasks = within(record.tasks);
  const frames = within(record.frames);
  const scripts = frames.flatMap((f) => f.scripts);
  const byInvoker = new Map<string, number>();
  for (const s of scripts) byInvoker.set(s.invoker, (byInvoker.get(s.invoker) ?? 0) + s.ms);
  const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
  return {
    count: tasks.length,
    perMinute: seconds > 0 ? tasks.length / (seconds / 60) : 0,
    totalMs: sum(tasks.map((t) => t.duration)),
    longestMs: Math.max(0, ...tasks.map((t) => t.duration)),
    frames: {
      count: frames.length,
      scriptMs: sum(scripts.map((s) => s.ms)),
      forcedLayoutMs: sum(scripts.map((s) => s.forcedLayoutMs)),
      renderMs: sum(frames.map((f) => f.renderMs)),
      byInvoker: [...byInvoker.entries()].map(([invoker, ms]) => ({ invoker, ms })).sort((a, b) => b.ms - a.ms),
    },
  };
}

/** One line for the bench's table. */
export function longTaskLine(s: LongTaskSummary): string {
  const top = s.frames.byInvoker
    .slice(0, 3)
    .map((i) => `${i.invoker} ${i.ms.toFixed(0)} ms`)
    .join(', ');
  return (
    `${s.count} long tasks (${s.perMinute.toFixed(1)}/min, ${s.totalMs.toFixed(0)} ms in all, longest ${s.longestMs.toFixed(0)} ms); ` +
    `long frames: ${s.frames.scriptMs.toFixed(0)} ms script (${s.frames.forcedLayoutMs.toFixed(0)} ms forced layout), ${s.frames.renderMs.toFixed(0)} ms style/layout/paint` +
    (top === '' ? '' : `; script by entry point: ${top}`)
  );
}
