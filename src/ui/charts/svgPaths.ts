/**
 * The geometry of a plain SVG line chart (svgChart.tsx): round tick values, linear scales and
 * path strings. Pure, so it is tested in Node.
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

/** Maps [d0, d1] onto [r0, r1]; a domain of one value maps to the range's middle. */
export function linear(d0: number, d1: number, r0: number, r1: number): (v: number) => number {
  if (d1 === d0) return () => (r0 + r1) / 2;
  const k = (r1 - r0) / (d1 - d0);
  return (v) => r0 + (v - d0) * k;
}

const fmt = (v: number) => (Math.round(v * 10) / 10).toString();

/** An SVG path through the finite points (x[i], y[i]); a non-finite y breaks the line. */
export function linePath(xs: ArrayLike<number>, ys: ArrayLike<number>, sx: (v: number) => number, sy: (v: number) => number): string {
  let d = '';
  let pen = false;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i] as number;
    const y = ys[i] as number;
    if (!Number.isFinite(x) || !Number.isFinite(y)) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${fmt(sx(x))},${fmt(sy(y))}`;
    pen = true;
  }
  return d;
}

/** A closed SVG path around the band between lo[i] and hi[i] (points with a non-finite edge left out). */
export function bandPath(xs: ArrayLike<number>, lo: ArrayLike<number>, hi: ArrayLike<number>, sx: (v: number) => number, sy: (v: number) => number): string {
  const keep: number[] = [];
  for (let i = 0; i < xs.length; i++) if ([xs[i], lo[i], hi[i]].every((v) => Number.isFinite(v))) keep.push(i);
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
