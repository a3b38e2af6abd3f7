/**
 * Drawing helpers of the 2-D landscape: a colour ramp over a shared [lo, hi] loss range and
 * marching-squares contour segments, on a canvas. Pure functions of the grid.
 */

/** Viridis-like ramp: t in [0, 1] → rgb. */
export function ramp(t: number): [number, number, number] {
  const stops: Array<[number, number, number]> = [
    [68, 1, 84],
    [59, 82, 139],
    [33, 145, 140],
    [94, 201, 98],
    [253, 231, 37],
  ];
  const x = Math.min(1, Math.max(0, t)) * (stops.length - 1);
  const i = Math.min(stops.length - 2, Math.floor(x));
  const f = x - i;
  const a = stops[i] as [number, number, number];
  const b = stops[i + 1] as [number, number, number];
  return [0, 1, 2].map((c) => Math.round((a[c] as number) + f * ((b[c] as number) - (a[c] as number)))) as [
    number,
    number,
    number,
  ];
}

/** Line segments where the grid crosses `level`, in cell units: [x1, y1, x2, y2] each. */
export function contourSegments(
  grid: readonly (readonly number[])[],
  level: number,
): Array<[number, number, number, number]> {
  const out: Array<[number, number, number, number]> = [];
  for (let y = 0; y + 1 < grid.length; y++) {
    for (let x = 0; x + 1 < (grid[y]?.length ?? 0); x++) {
      const v = [grid[y]?.[x], grid[y]?.[x + 1], grid[y + 1]?.[x + 1], grid[y + 1]?.[x]] as number[];
      const corners: Array<[number, number]> = [
        [x, y],
        [x + 1, y],
        [x + 1, y + 1],
        [x, y + 1],
      ];
      const cuts: Array<[number, number]> = [];
      for (let e = 0; e < 4; e++) {
        const a = v[e] as number;
        const b = v[(e + 1) % 4] as number;
        if (a < level === b < level || a === b) continue;
        const t = (level - a) / (b - a);
        const p = corners[e] as [number, number];
        const q = corners[(e + 1) % 4] as [number, number];
        cuts.push([p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])]);
      }
      for (let k = 0; k + 1 < cuts.length; k += 2) {
        const [p, q] = [cuts[k] as [number, number], cuts[k + 1] as [number, number]];
        out.push([p[0], p[1], q[0], q[1]]);
      }
    }
  }
  return out;
}
