/**
 * The sweep's heatmap (figure "Sweep"): one cell per setting, rows the first axis, columns the
 * second, and for a 3-axis grid one heatmap per value of the third; each cell coloured by the mean
 * paired accuracy difference of the chosen pair on a diverging scale centred on 0 (legend below),
 * showing its mean in points, its sign count and its verdict mark. Each cell is a button (Tab,
 * Enter or Space) whose label reads its numbers; the cell logic is core/sweep/heatCells.ts, shared
 * with the runner's SVG.
 */
import type { KeyboardEvent } from 'react';
import type { SweepFile } from '../../core/sweep/file';
import type { HeatCell } from '../../core/sweep/heatCells';
import { divergingColour, heatPanels, heatScale, VERDICT_MARK } from '../../core/sweep/heatCells';
import { signed } from '../../core/stats/paired';

const CELL_W = 120;
const CELL_H = 56;
const LEFT = 150;
const TOP = 28;

interface Props {
  file: SweepFile;
  /** "MASST K=2 − SST". */
  pair: string;
  selected: number | null;
  onSelect: (index: number) => void;
}

function Cell({
  cell,
  x,
  y,
  selected,
  onSelect,
}: {
  cell: HeatCell;
  x: number;
  y: number;
  selected: boolean;
  onSelect: (index: number) => void;
}) {
  const key = (e: KeyboardEvent) => {
    if (e.key !== 'Enter' && e.key !== ' ') return;
    e.preventDefault();
    onSelect(cell.index);
  };
  return (
    <g
      role="button"
      tabIndex={0}
      aria-label={cell.ariaLabel}
      aria-pressed={selected}
      className="sweep-cell"
      onClick={() => onSelect(cell.index)}
      onKeyDown={key}
    >
      <rect
        x={x}
        y={y}
        width={CELL_W - 4}
        height={CELL_H - 4}
        fill={cell.colour}
        stroke={selected ? '#212529' : '#ced4da'}
        strokeWidth={selected ? 3 : 1}
      />
      <text x={x + CELL_W / 2 - 2} y={y + 20} textAnchor="middle" fontWeight="bold">
        {cell.meanText}
      </text>
      <text x={x + CELL_W / 2 - 2} y={y + 38} textAnchor="middle">
        {cell.signs === null ? 'no pair' : `${cell.signs} · ${VERDICT_MARK[cell.verdict]}`}
      </text>
    </g>
  );
}

/** The diverging scale: −max … 0 … +max points, red to white to blue. */
function Legend({ scale, pair }: { scale: number; pair: string }) {
  const stops = [-1, -0.5, 0, 0.5, 1];
  const points = (t: number) => (t === 0 ? '0' : signed(100 * t * scale, 1));
  return (
    <svg
      width={320}
      height={44}
      role="img"
      aria-label={`Colour scale: ${pair} from ${points(-1)} (red, ${pair.split(' − ')[1] ?? 'B'} ahead) through 0 (white) to ${points(1)} points (blue, ${pair.split(' − ')[0] ?? 'A'} ahead); grey: no number`}
    >
      <defs>
        <linearGradient id="sweep-scale">
          {stops.map((t) => (
            <stop key={t} offset={`${((t + 1) / 2) * 100}%`} stopColor={divergingColour(t)} />
          ))}
        </linearGradient>
      </defs>
      <rect x={10} y={4} width={300} height={14} fill="url(#sweep-scale)" stroke="#ced4da" />
      {[-1, 0, 1].map((t) => (
        <text key={t} x={160 + 150 * t} y={34} textAnchor={t < 0 ? 'start' : t > 0 ? 'end' : 'middle'} fontSize={12}>
          {points(t)}
        </text>
      ))}
    </svg>
  );
}

export function SweepHeatmap({ file, pair, selected, onSelect }: Props) {
  const { axes } = file.spec;
  const rows = axes[0];
  const cols = axes[1];
  if (rows === undefined) return null;
  const panels = heatPanels(axes, file.cells, pair);
  const width = LEFT + (cols?.values.length ?? 1) * CELL_W;
  const height = TOP + rows.values.length * CELL_H;
  return (
    <figure className="sweep-heatmap" aria-label="Sweep">
      <figcaption>
        {pair}: mean paired difference in 10-fold accuracy (points), seeds with A − B &gt; 0, verdict (✓ better, ✗
        worse: passes the verdict rule; ~ within noise). Rows: {rows.path}
        {cols === undefined ? '' : `; columns: ${cols.path}`}
        {axes[2] === undefined ? '' : `; one grid per value of ${axes[2].path}`}.
      </figcaption>
      {panels.map((panel, k) => (
        <div key={panel.title ?? k}>
          {panel.title !== null && <h4>{panel.title}</h4>}
          <svg width={width} height={height} className="sweep-grid">
            {(cols?.values ?? ['']).map((v, j) => (
              <text key={`c${j}`} x={LEFT + j * CELL_W + CELL_W / 2} y={TOP - 8} textAnchor="middle" fontSize={12}>
                {v}
              </text>
            ))}
            {rows.values.map((v, i) => (
              <text key={`r${i}`} x={LEFT - 8} y={TOP + i * CELL_H + CELL_H / 2} textAnchor="end" fontSize={12}>
                {v}
              </text>
            ))}
            {panel.cells.map((row, i) =>
              row.map((cell, j) => (
                <Cell
                  key={cell.index}
                  cell={cell}
                  x={LEFT + j * CELL_W}
                  y={TOP + i * CELL_H}
                  selected={cell.index === selected}
                  onSelect={onSelect}
                />
              )),
            )}
          </svg>
        </div>
      ))}
      <Legend scale={heatScale(file.cells, pair)} pair={pair} />
    </figure>
  );
}
