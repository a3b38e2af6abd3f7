/** With several seeds: the charts' band is ± one standard deviation over seeds, or min–max. */
import type { BandKind } from '../../core/stats/bands';

export function BandToggle({
  band,
  seeds,
  onChange,
}: {
  band: BandKind;
  seeds: number;
  onChange: (b: BandKind) => void;
}) {
  if (seeds < 2) return null;
  return (
    <div className="band-toggle" role="radiogroup" aria-label="Band over seeds">
      <span>Lines are the mean over {seeds} seeds; band:</span>
      <label>
        <input type="radio" name="band" checked={band === 'sd'} onChange={() => onChange('sd')} /> ± sd
      </label>
      <label>
        <input type="radio" name="band" checked={band === 'range'} onChange={() => onChange('range')} /> min–max
      </label>
    </div>
  );
}
