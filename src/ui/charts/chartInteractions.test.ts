import { describe, expect, it } from 'vitest';
import { nearestFinite, readout, seriesValues, stepCursor } from './chartCursor';
import { chartLayout, MARGIN } from './chartLayout';
import type { ChartBand, ChartLine } from './chartSeries';
import { shownSeries } from './chartSeries';
import { dragRange, extentOf, MIN_DRAG_PX, zoomDomain } from './chartZoom';
import { linear } from './svgPaths';

const line = (key: string, xs: number[], ys: number[], more: Partial<ChartLine> = {}): ChartLine => ({
  key,
  name: key,
  legend: true,
  color: '#000',
  width: 1,
  opacity: 1,
  xs,
  ys,
  ...more,
});

describe('zooming the x axis', () => {
  it('takes a drag of at least MIN_DRAG_PX inside the plot, either way, clamped to it', () => {
    expect(dragRange(100, 200, 52, 500)).toEqual([100, 200]);
    expect(dragRange(200, 100, 52, 500)).toEqual([100, 200]);
    expect(dragRange(10, 90, 52, 500)).toEqual([52, 90]);
    expect(dragRange(480, 900, 52, 500)).toEqual([480, 500]);
    expect(dragRange(100, 100 + MIN_DRAG_PX - 1, 52, 500)).toBeNull();
    // Dragged in the margin alone: nothing of the plot is covered.
    expect(dragRange(0, 40, 52, 500)).toBeNull();
  });

  it("turns the pixel range into x values through the scale's inverse", () => {
    const toX = linear(52, 452, 0, 100); // 4 px per step
    expect(zoomDomain([152, 252], toX)).toEqual([25, 50]);
    expect(zoomDomain([252, 152], toX)).toEqual([25, 50]);
    expect(zoomDomain([152, 152], toX)).toBeNull();
    expect(zoomDomain([152, 252], () => NaN)).toBeNull();
  });

  it('fits y to the points inside the x range, skipping gaps and (on log) non-positive values', () => {
    const s = [
      { xs: [0, 10, 20, 30], ys: [9, 3, NaN, 1] },
      { xs: [5, 25], ys: [-1, 2] },
    ];
    expect(extentOf(s, false)).toEqual([-1, 9]);
    expect(extentOf(s, false, [10, 30])).toEqual([1, 3]);
    expect(extentOf(s, true)).toEqual([1, 9]);
    expect(extentOf(s, false, [11, 19])).toEqual([Infinity, -Infinity]);
  });

  it('lays a zoomed chart out on the dragged x domain with y fitted to it', () => {
    const loss = line('SST', [0, 50, 100, 150, 200], [4, 2, 1.2, 1.1, 1.05]);
    const whole = chartLayout({ lines: [loss], bands: [], x: {}, y: {}, height: 200, width: 400, zoom: null });
    expect(whole.x.domain).toEqual([0, 200]);
    expect(whole.y.domain).toEqual([1, 4]);
    const zoomed = chartLayout({ lines: [loss], bands: [], x: {}, y: {}, height: 200, width: 400, zoom: [100, 200] });
    expect(zoomed.x.domain).toEqual([100, 200]);
    expect(zoomed.x.ticks).toEqual([100, 120, 140, 160, 180, 200]);
    expect(zoomed.y.domain).toEqual([1.05, 1.2]);
    expect(zoomed.sx(100)).toBe(MARGIN.left);
    expect(zoomed.sx(200)).toBe(400 - MARGIN.right);
    // The zoom overrides a fixed x domain too (the landscape's α from −1 to 1).
    expect(
      chartLayout({ lines: [loss], bands: [], x: { domain: [0, 400] }, y: {}, height: 200, width: 400, zoom: [50, 60] })
        .x.domain,
    ).toEqual([50, 60]);
  });

  it("leaves hidden series out of the axes' extent", () => {
    const ghost = line('ghost', [0, 1000], [9, 8]);
    const live = line('SST', [0, 100], [2, 1]);
    const { lines, bands } = shownSeries([live, ghost], [], ['ghost']);
    const g = chartLayout({ lines, bands, x: {}, y: {}, height: 200, width: 400, zoom: null });
    expect(g.x.domain).toEqual([0, 100]);
    expect(g.y.domain).toEqual([1, 2]);
    expect(g.lines.map((l) => l.key)).toEqual(['SST']);
  });
});

describe('hiding a series from its legend entry', () => {
  it('hides the lines and bands that belong to the entry, its own key by default', () => {
    const lines = [
      line('SST (raw)', [1], [1], { legend: false, series: 'SST' }),
      line('SST', [1], [1]),
      line('MASST K=4', [1], [1]),
    ];
    const bands: ChartBand[] = [
      { key: 'SST band', name: 'SST band', series: 'SST', color: '#000', xs: [1], lo: [0], hi: [2] },
    ];
    const shown = shownSeries(lines, bands, ['SST']);
    expect(shown.lines.map((l) => l.key)).toEqual(['MASST K=4']);
    expect(shown.bands).toEqual([]);
    expect(shownSeries(lines, bands, []).lines).toHaveLength(3);
  });
});

describe('the crosshair', () => {
  const steps = [0, 10, 20, 30, 40];

  it('moves step by step with the arrows, to the ends with Home and End, within the x domain', () => {
    const all: [number, number] = [0, 40];
    expect(stepCursor(steps, null, 'ArrowRight', all)).toBe(0);
    expect(stepCursor(steps, null, 'ArrowLeft', all)).toBe(40);
    expect(stepCursor(steps, 10, 'ArrowRight', all)).toBe(20);
    expect(stepCursor(steps, 10, 'ArrowLeft', all)).toBe(0);
    expect(stepCursor(steps, 0, 'ArrowLeft', all)).toBe(0);
    expect(stepCursor(steps, 40, 'ArrowRight', all)).toBe(40);
    expect(stepCursor(steps, 20, 'Home', all)).toBe(0);
    expect(stepCursor(steps, 20, 'End', all)).toBe(40);
    // Between two steps (the data was decimated under it): the next one each way.
    expect(stepCursor(steps, 15, 'ArrowRight', all)).toBe(20);
    expect(stepCursor(steps, 15, 'ArrowLeft', all)).toBe(10);
    // Zoomed to [10, 30]: the ends are those in view.
    expect(stepCursor(steps, 20, 'Home', [10, 30])).toBe(10);
    expect(stepCursor(steps, 30, 'ArrowRight', [10, 30])).toBe(30);
    expect(stepCursor(steps, null, 'ArrowLeft', [10, 30])).toBe(30);
    expect(stepCursor(steps, null, 'End', [41, 50])).toBeNull();
    expect(stepCursor([], null, 'Home', all)).toBeNull();
  });

  it("finds the nearest point with a value, and none outside a series' span", () => {
    const xs = [0, 10, 20, 30];
    const ys = [1, NaN, 3, NaN];
    expect(nearestFinite(xs, ys, 10)).toBe(0);
    expect(nearestFinite(xs, ys, 8)).toBe(0);
    expect(nearestFinite(xs, ys, 12)).toBe(2);
    expect(nearestFinite(xs, ys, 20)).toBe(2);
    // Past the last value (a run that has not reached that step): none, not its last value.
    expect(nearestFinite(xs, ys, 30)).toBe(-1);
    expect(nearestFinite([5, 10], [1, 2], 0)).toBe(-1);
    expect(nearestFinite([5, 10], [1, 2], 5)).toBe(0);
    expect(nearestFinite([], [], 5)).toBe(-1);
  });

  it("lists every shown series at the step, with where it read another series' step, and reads them out", () => {
    const lines = [
      line('Conventional', [0, 10, 20], [2, 1.5, 1.25]),
      line('SST', [0, 10, 20], [2.5, 1.75, 1]),
      line('ghost', [0, 8, 16, 24], [3, 2, 1.5, 1.2]),
      line('late', [30, 40], [1, 1]),
    ];
    const bands: ChartBand[] = [
      { key: 'SST band', name: 'SST band', color: '#000', xs: [10, 20], lo: [1.5, 0.9], hi: [2, 1.1] },
    ];
    const values = seriesValues(10, lines, bands);
    expect(values.map((v) => [v.name, v.text, v.from])).toEqual([
      ['Conventional', '1.50', null],
      ['SST', '1.75', null],
      ['ghost', '2.00', 8],
      ['late', 'no value', null],
      ['SST band', '1.50 – 2.00', null],
    ]);
    expect(readout('step', 10, values, String)).toBe(
      'step 10: Conventional 1.50, SST 1.75, ghost 2.00 (at 8), late no value, SST band 1.50 – 2.00',
    );
    expect(readout('step', 10, [], String)).toBe('step 10: every series is hidden');
  });
});
