/** One line per run, role="status" so assistive technology and tests can follow the steps. */
import type { RunSeries } from '../store/state';
import { colorOf } from '../charts/colors';

export function RunStatus({ runs, step }: { runs: readonly RunSeries[]; step: number }) {
  return (
    <ul className="run-status">
      {runs.map((r, i) => {
        const last = r.loss[r.loss.length - 1];
        return (
          <li key={r.label} role="status" style={{ borderColor: colorOf(r.spec, i) }}>
            <strong>{r.label}</strong>: step {step}
            {r.msPerStep > 0 && ` · ${r.msPerStep.toFixed(0)} ms/step`}
            {last !== undefined && ` · loss ${last.toFixed(3)}`}
          </li>
        );
      })}
    </ul>
  );
}
