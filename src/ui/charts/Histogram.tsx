/** Bars of counts by value (images per training identity), plain SVG like the other charts; a bar's title gives its count. */
import { memo, useMemo, useRef } from 'react';
import { FigureDownloads } from './FigureDownloads';
import { linear, niceTicks } from './svgPaths';
import { useWidth } from './useWidth';

const M = { top: 6, right: 8, bottom: 20, left: 40 };

interface Props {
  bins: ReadonlyArray<{ value: number; count: number }>;
  height: number;
  /** The chart's accessible name. */
  label: string;
  /** What a bar counts, in its title ("12 ids"). */
  unit: string;
}

export const Histogram = memo(function Histogram({ bins, height, label, unit }: Props) {
  const [box, width] = useWidth<HTMLDivElement>();
  const svg = useRef<SVGSVGElement>(null);
  const ticks = useMemo(() => niceTicks(0, Math.max(1, ...bins.map((b) => b.count)), 4), [bins]);
  const top = ticks[ticks.length - 1] as number;
  const sy = linear(0, top, height - M.bottom, M.top);
  const slot = bins.length > 0 ? (width - M.left - M.right) / bins.length : 0;
  return (
    <div className="svg-chart" ref={box}>
      {width > 0 && (
        <svg ref={svg} width={width} height={height} role="img" aria-label={label}>
          <g className="axis">
            {ticks.map((t) => (
              <text key={t} x={M.left - 6} y={sy(t)} dy="0.32em" textAnchor="end">
                {t}
              </text>
            ))}
            {bins.map((b, i) => (
              <text key={b.value} x={M.left + (i + 0.5) * slot} y={height - M.bottom + 15} textAnchor="middle">
                {b.value}
              </text>
            ))}
          </g>
          {bins.map((b, i) => (
            <rect
              key={b.value}
              x={M.left + i * slot + slot * 0.1}
              width={slot * 0.8}
              y={sy(b.count)}
              height={sy(0) - sy(b.count)}
              fill="#1c7ed6"
            >
              <title>{`${b.value}: ${b.count} ${unit}`}</title>
            </rect>
          ))}
        </svg>
      )}
      {width > 0 && <FigureDownloads label={label} target={svg} kind="svg" place="corner" />}
    </div>
  );
});
