/**
 * Zooming an SvgLineChart's x axis: a drag across the plot selects a range of x (steps, α, FPR),
 * which becomes the x domain until a double-click or Reset zoom; y is then fitted to what is in
 * that range. The zoom is a range of x values, not of points, so a live update that adds steps
 * keeps it where it is. Pure, so it is tested in Node.
 */

/** A drag shorter than this (px) is a click or a shaky hand: it does not zoom. */
export const MIN_DRAG_PX = 6;

/** The pixel range [lo, hi] a drag from `a` to `b` covers inside the plot [left, right]; null when under MIN_DRAG_PX there. */
export function dragRange(a: number, b: number, left: number, right: number): [number, number] | null {
  const clamp = (v: number) => Math.min(right, Math.max(left, v));
  const lo = clamp(Math.min(a, b));
  const hi = clamp(Math.max(a, b));
  return hi - lo >= MIN_DRAG_PX ? [lo, hi] : null;
}

/** The x domain a pixel range selects (`toX` the x scale's inverse); null when it is not a proper range. */
export function zoomDomain(range: readonly [number, number], toX: (px: number) => number): [number, number] | null {
  const a = toX(range[0]);
  const b = toX(range[1]);
  if (!Number.isFinite(a) || !Number.isFinite(b) || a === b) return null;
  return a < b ? [a, b] : [b, a];
}

export interface XYSeries {
  xs: ArrayLike<number>;
  ys: ArrayLike<number>;
}

/**
 * [min, max] of the finite ys (positive ones on a log axis) whose x lies in `within` (every x when
 * null); [Infinity, -Infinity] when there is none. With `within` it is a zoomed chart's y extent.
 */
export function extentOf(
  series: readonly XYSeries[],
  log: boolean,
  within: readonly [number, number] | null = null,
): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const { xs, ys } of series)
    for (let i = 0; i < ys.length; i++) {
      const v = ys[i] as number;
      const x = xs[i] as number;
      if (within !== null && !(x >= within[0] && x <= within[1])) continue;
      if (Number.isFinite(v) && (!log || v > 0)) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
  return [lo, hi];
}
