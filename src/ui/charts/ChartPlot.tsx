/**
 * The still part of an SvgLineChart: grid, axes, reference lines, bands, lines, dots and error
 * bars. Memoised on its layout, so a pointer move or a crosshair step (state of the chart around
 * it) renders only the crosshair and the tooltip, not every path again.
 */
import { memo } from 'react';
import type { ChartLayout } from './chartLayout';
import { MARGIN } from './chartLayout';
import type { ChartLine, ChartRef } from './chartSeries';

/** Circles and error bars of a line. */
function Marks({ line, sx, sy }: { line: ChartLine; sx: (v: number) => number; sy: (v: number) => number }) {
  const points = Array.from({ length: line.xs.length }, (_, i) => i).filter(
    (i) => Number.isFinite(sx(line.xs[i] as number)) && Number.isFinite(sy(line.ys[i] as number)),
  );
  return (
    <g stroke={line.color}>
      {line.errors &&
        points.map((i) => {
          const [px, y, e] = [sx(line.xs[i] as number), line.ys[i] as number, line.errors?.[i] ?? NaN];
          return Number.isFinite(e) ? (
            <path
              key={`e${i}`}
              d={`M${px - 2},${sy(y - e)}H${px + 2}M${px},${sy(y - e)}V${sy(y + e)}M${px - 2},${sy(y + e)}H${px + 2}`}
              fill="none"
            />
          ) : null;
        })}
      {line.dots &&
        points.map((i) => (
          <circle key={i} cx={sx(line.xs[i] as number)} cy={sy(line.ys[i] as number)} r={3} fill="#fff" />
        ))}
    </g>
  );
}

interface Props {
  g: ChartLayout;
  refs: readonly ChartRef[];
  /** The plot's height with its axes, px. */
  height: number;
  /** The clipPath's id (unique on the page). */
  clip: string;
  fx: (v: number) => string;
  fy: (v: number) => string;
  xLabel: string | undefined;
}

export const ChartPlot = memo(function ChartPlot({ g, refs, height, clip, fx, fy, xLabel }: Props) {
  const bottom = height - MARGIN.bottom;
  return (
    <>
      <clipPath id={clip}>
        <rect x={g.left} y={MARGIN.top} width={Math.max(0, g.right - g.left)} height={bottom - MARGIN.top} />
      </clipPath>
      <g className="grid">
        {g.y.ticks.map((t) => (
          <line key={`y${t}`} x1={g.left} x2={g.right} y1={g.sy(t)} y2={g.sy(t)} />
        ))}
        {g.x.ticks.map((t) => (
          <line key={`x${t}`} x1={g.sx(t)} x2={g.sx(t)} y1={MARGIN.top} y2={bottom} />
        ))}
      </g>
      <g className="axis">
        {g.y.ticks.map((t) => (
          <text key={`y${t}`} x={g.left - 6} y={g.sy(t)} dy="0.32em" textAnchor="end">
            {fy(t)}
          </text>
        ))}
        {g.x.ticks.map((t) => (
          <text key={`x${t}`} x={g.sx(t)} y={bottom + 15} textAnchor="middle">
            {fx(t)}
          </text>
        ))}
        {xLabel && (
          <text x={g.right} y={bottom + 30} textAnchor="end">
            {xLabel}
          </text>
        )}
      </g>
      <g clipPath={`url(#${clip})`}>
        {refs.map((r) => (
          <g key={`ref${r.y}`} className="ref">
            <line x1={g.left} x2={g.right} y1={g.sy(r.y)} y2={g.sy(r.y)} stroke={r.color} strokeDasharray={r.dash} />
            {r.label && (
              <text x={g.right - 4} y={g.sy(r.y) - 4} textAnchor="end" fill={r.color}>
                {r.label}
              </text>
            )}
          </g>
        ))}
        {g.bands.map((b) => (
          <path
            key={b.key}
            d={b.d}
            fill={b.color}
            fillOpacity={b.opacity ?? 0.2}
            stroke={b.stroke ? b.color : 'none'}
          />
        ))}
        {g.lines.map((l) => (
          <path
            key={l.key}
            d={l.d}
            fill="none"
            stroke={l.color}
            strokeWidth={l.width}
            strokeOpacity={l.opacity}
            strokeDasharray={l.dash}
          />
        ))}
        {g.lines
          .filter((l) => l.dots || l.errors)
          .map((l) => (
            <Marks key={`m${l.key}`} line={l} sx={g.sx} sy={g.sy} />
          ))}
      </g>
    </>
  );
});
