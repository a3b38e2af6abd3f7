/** One line per run (method × seed), role="status" so assistive technology and tests can follow the steps. */
import type { RunSeries } from '../store/state';
import { colorOf } from '../charts/colors';

export function RunStatus({ runs, seeds }: { runs: readonly RunSeries[]; seeds: number }) {
  return (
    <ul className="run-status">
      {runs.map((r) => {
        const last = r.loss[r.loss.length - 1];
        const step = r.steps[r.steps.length - 1] ?? 0;
        return (
          <li key={r.unit} role="status" style={{ borderColor: colorOf(r.spec, r.run) }}>
            <strong>{r.label}{seeds > 1 ? ` · seed ${r.seed}` : ''}</strong>: step {step}
            {r.diverged !== null && ` · diverged at step ${r.diverged.step}, stopped`}
            {r.diverged === null && r.msPerStep > 0 && ` · ${r.msPerStep.toFixed(0)} ms/step`}
            {last !== undefined && ` · loss ${last.toFixed(3)}`}
          </li>
        );
      })}
    </ul>
  );
}
