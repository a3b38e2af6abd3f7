/**
 * The geometry of a plain SVG line chart (SvgLineChart.tsx): round tick values, linear and log
 * scales and path strings. Pure, so it is tested in Node.
 */

/** Ticks at round values (1, 2 or 5 × 10^k apart) from at or below `lo` to at or above `hi`, about `count` intervals. */
export function niceTicks(lo: number, hi: number, count = 5): number[] {
  if (!Number.isFinite(lo) || !Number.isFinite(hi) || lo > hi) return [0, 1];
  if (lo === hi) {
    const pad = lo === 0 ? 1 : Math.abs(lo) * 0.1;
    return niceTicks(lo - pad, hi + pad, count);
  }
  const raw = (hi - lo) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw * (1 - 1e-9)) ?? 10 * power;
  const first = Math.floor(lo / step + 1e-9);
  const last = Math.ceil(hi / step - 1e-9);
  // Round away the binary error of i × step (0.30000000000000004).
  return Array.from({ length: last - first + 1 }, (_, i) => Number(((first + i) * step).toPrecision(12)));
}

/** Ticks at 1, 2 and 5 × 10^k (only the powers of ten when the span has three or more) within [lo, hi], lo > 0. */
export function logTicks(lo: number, hi: number): number[] {
  if (!(lo > 0) || !(hi >= lo) || !Number.isFinite(hi)) return [];
  const first = Math.floor(Math.log10(lo));
  const last = Math.ceil(Math.log10(hi));
  const steps = last - first >= 3 ? [1] : [1, 2, 5];
  const out: number[] = [];
  for (let k = first; k <= last; k++) for (const m of steps) out.push(Number((m * 10 ** k).toPrecision(12)));
  return out.filter((t) => t >= lo * (1 - 1e-9) && t <= hi * (1 + 1e-9));
}

/** Maps [d0, d1] onto [r0, r1]; a domain of one value maps to the range's middle. */
export function linear(d0: number, d1: number, r0: number, r1: number): (v: number) => number {
  if (d1 === d0) return () => (r0 + r1) / 2;
  const k = (r1 - r0) / (d1 - d0);
  return (v) => r0 + (v - d0) * k;
}

/** A linear or log10 scale from [d0, d1] onto [r0, r1] (log: values ≤ 0 map to NaN, a gap). */
export function scale(d0: number, d1: number, r0: number, r1: number, log = false): (v: number) => number {
  if (!log) return linear(d0, d1, r0, r1);
  const s = linear(Math.log10(d0), Math.log10(d1), r0, r1);
  return (v) => (v > 0 ? s(Math.log10(v)) : NaN);
}

/** The scale's inverse, for the pointer's position. */
export function invert(d0: number, d1: number, r0: number, r1: number, log = false): (px: number) => number {
  if (!log) return linear(r0, r1, d0, d1);
  const s = linear(r0, r1, Math.log10(d0), Math.log10(d1));
  return (px) => 10 ** s(px);
}

const fmt = (v: number) => (Math.round(v * 10) / 10).toString();

/** An SVG path through the points (x[i], y[i]) that land on the chart; one that does not breaks the line, unless `connect`. */
export function linePath(
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  sx: (v: number) => number,
  sy: (v: number) => number,
  connect = false,
): string {
  let d = '';
  let pen = false;
  for (let i = 0; i < xs.length; i++) {
    const px = sx(xs[i] as number);
    const py = sy(ys[i] as number);
    if (!Number.isFinite(px) || !Number.isFinite(py)) {
      pen = pen && connect;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${fmt(px)},${fmt(py)}`;
    pen = true;
  }
  return d;
}

/** A closed SVG path around the band between lo[i] and hi[i] (points with a non-finite edge left out). */
export function bandPath(
  xs: ArrayLike<number>,
  lo: ArrayLike<number>,
  hi: ArrayLike<number>,
  sx: (v: number) => number,
  sy: (v: number) => number,
): string {
  const keep: number[] = [];
  for (let i = 0; i < xs.length; i++)
    if ([sx(xs[i] as number), sy(lo[i] as number), sy(hi[i] as number)].every((v) => Number.isFinite(v))) keep.push(i);
  if (keep.length === 0) return '';
  const upper = keep.map((i, k) => `${k === 0 ? 'M' : 'L'}${fmt(sx(xs[i] as number))},${fmt(sy(hi[i] as number))}`);
  const lower = [...keep].reverse().map((i) => `L${fmt(sx(xs[i] as number))},${fmt(sy(lo[i] as number))}`);
  return `${upper.join('')}${lower.join('')}Z`;
}

/** Index of the value in sorted `xs` nearest to `x` (-1 when empty). */
export function nearestIndex(xs: ArrayLike<number>, x: number): number {
  if (xs.length === 0) return -1;
  let a = 0;
  let b = xs.length - 1;
  while (b - a > 1) {
    const m = (a + b) >> 1;
    if ((xs[m] as number) <= x) a = m;
    else b = m;
  }
  return Math.abs((xs[a] as number) - x) <= Math.abs((xs[b] as number) - x) ? a : b;
}
