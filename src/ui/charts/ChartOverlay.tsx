/** The hover tooltip and the legend of an SvgLineChart, as HTML over and under the plot. */
import type { CSSProperties } from 'react';
import type { SeriesValue } from './chartCursor';
import { valueText } from './chartCursor';
import type { ChartBand, ChartLine } from './chartSeries';
import { seriesKey } from './chartSeries';

interface TooltipProps {
  /** The x value, as the axis writes it. */
  x: string;
  xName: string;
  /** Where it stands, px from the chart's left. */
  left: number;
  /** Every shown series' value at x (chartCursor.ts). */
  values: readonly SeriesValue[];
  fx: (x: number) => string;
}

export function ChartTooltip({ x, xName, left, values, fx }: TooltipProps) {
  return (
    <div className="chart-tooltip" style={{ left }}>
      <div>
        {xName} {x}
      </div>
      {values.map((v) => (
        <div key={v.key} style={{ color: v.color }}>
          {v.name}: {valueText(v, fx)}
        </div>
      ))}
    </div>
  );
}

/**
 * A legend item's swatch: a dashed line (a ghost, an agent, the untrained probe) gets a dashed
 * swatch at its line's opacity, so the legend tells it from a solid, live one.
 */
function swatchStyle(item: ChartLine | ChartBand): CSSProperties {
  if (!('dash' in item) || item.dash === undefined) return { background: item.color };
  return { borderTop: `3px dashed ${item.color}`, height: 0, opacity: item.opacity };
}

interface LegendProps {
  lines: readonly ChartLine[];
  bands: readonly ChartBand[];
  /** Keys of the hidden legend entries. */
  hidden: readonly string[];
  onToggle: (key: string) => void;
}

/** One toggle button per entry: pressed while its series is shown; a click hides it (and its raw line and band) or shows it again. */
export function ChartLegend({ lines, bands, hidden, onToggle }: LegendProps) {
  const items = [...bands.filter((b) => b.legend === true), ...lines.filter((l) => l.legend)];
  if (items.length === 0) return null;
  return (
    <ul className="chart-legend">
      {items.map((item) => {
        const key = seriesKey(item);
        const shown = !hidden.includes(key);
        return (
          <li key={item.key}>
            <button
              type="button"
              aria-pressed={shown}
              title={`${shown ? 'Hide' : 'Show'} ${item.name}`}
              onClick={() => onToggle(key)}
            >
              <span className="swatch" style={swatchStyle(item)} />
              {item.name}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
