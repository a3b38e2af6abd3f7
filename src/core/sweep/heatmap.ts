/**
 * The sweep's heatmap as a plain SVG string: one cell per setting of a 1- or 2-axis grid (rows:
 * the first axis, columns: the second), coloured by the mean paired accuracy difference of one
 * method pair (blue: A ahead, red: B ahead, white: 0; the scale is symmetric around 0 up to the
 * largest |mean|), each cell showing the mean in points, its sign count and its verdict.
 */
import { heatCell, heatScale, VERDICT_MARK } from './heatCells';
import type { SweepAxis } from './spec';
import type { CellResult } from './summary';

const CELL_W = 120;
const CELL_H = 56;
const LEFT = 170;
const TOP = 64;

const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** null for 3 axes (no 2-D picture); `pair` is the label of a pair, e.g. "MASST K=4 − SST". */
export function heatmapSvg(axes: readonly SweepAxis[], cells: readonly CellResult[], pair: string): string | null {
  if (axes.length < 1 || axes.length > 2) return null;
  const rows = axes[0] as SweepAxis;
  const cols: SweepAxis = axes[1] ?? { path: '', values: [''] };
  const scale = heatScale(cells, pair);
  // Wide enough for the title line (~7 px per character at 12 px).
  const width = Math.max(LEFT + cols.values.length * CELL_W + 10, 7 * (pair.length + 60));
  const height = TOP + rows.values.length * CELL_H + 10;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
    `<text x="4" y="16" font-weight="bold">${esc(pair)}: mean paired difference in 10-fold accuracy (points)</text>`,
    `<text x="4" y="34">rows: ${esc(rows.path)}${cols.path === '' ? '' : ` · columns: ${esc(cols.path)}`}</text>`,
  ];
  cols.values.forEach((v, j) =>
    parts.push(`<text x="${LEFT + j * CELL_W + CELL_W / 2}" y="${TOP - 8}" text-anchor="middle">${esc(v)}</text>`),
  );
  rows.values.forEach((rv, i) => {
    parts.push(`<text x="${LEFT - 8}" y="${TOP + i * CELL_H + CELL_H / 2 + 4}" text-anchor="end">${esc(rv)}</text>`);
    cols.values.forEach((_, j) => {
      const cell = cells[i * cols.values.length + j];
      const x = LEFT + j * CELL_W;
      const y = TOP + i * CELL_H;
      const h = cell === undefined ? null : heatCell(cell, pair, scale);
      parts.push(
        `<rect x="${x}" y="${y}" width="${CELL_W - 2}" height="${CELL_H - 2}" fill="${h?.colour ?? '#dddddd'}"><title>${esc(cell?.label ?? '')}: ${esc(h?.pair?.sentence ?? 'no runs')}</title></rect>`,
      );
      parts.push(
        `<text x="${x + CELL_W / 2}" y="${y + 20}" text-anchor="middle" font-weight="bold">${h?.meanText ?? 'n/a'}</text>`,
      );
      if (h?.signs)
        parts.push(
          `<text x="${x + CELL_W / 2}" y="${y + 38}" text-anchor="middle">${h.signs} · ${VERDICT_MARK[h.verdict]}</text>`,
        );
    });
  });
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}
