/**
 * The runs (method × seed) as a list, each with its step, speed and loss, and ONE polite live
 * region that sums the comparison up at most every ANNOUNCE_MS: a live region per run, updated
 * with every flush, would have a screen reader talking over itself several times a second.
 */
import { memo, useEffect, useRef, useState } from 'react';
import type { RunSeries } from '../store/state';
import type { StatusSlice } from '../store/selectors';
import { colorOf } from '../charts/colors';

export const ANNOUNCE_MS = 5000;

/** One sentence for the live region. */
export function progressText(
  s: Pick<StatusSlice, 'phase' | 'playing' | 'step' | 'totalSteps' | 'progress'> & {
    runs: ReadonlyArray<Pick<RunSeries, 'diverged'>>;
  },
): string {
  if (s.phase === 'idle') return '';
  const runs = `${s.runs.length} run${s.runs.length === 1 ? '' : 's'}`;
  if (s.phase === 'starting') {
    if (s.progress?.phase === 'data') return `Generating faces: ${s.progress.done} of ${s.progress.total}.`;
    if (s.progress?.phase === 'decode') return `Decoding your faces: ${s.progress.done} of ${s.progress.total}.`;
    return `Preparing ${runs}.`;
  }
  const diverged = s.runs.filter((r) => r.diverged !== null).length;
  const tail = diverged > 0 ? ` ${diverged} diverged and stopped.` : '';
  if (s.step >= s.totalSteps) return `Finished: ${runs}, ${s.totalSteps} steps each.${tail}`;
  return `${s.playing ? 'Training' : 'Paused'}: ${runs} at step ${s.step} of ${s.totalSteps}.${tail}`;
}

/** `text`, but changed at most every `ms` (the last value always arrives). */
function useThrottled(text: string, ms: number): string {
  const [shown, setShown] = useState(text);
  const last = useRef(0);
  useEffect(() => {
    const wait = Math.max(0, last.current + ms - Date.now());
    const timer = setTimeout(() => {
      last.current = Date.now();
      setShown(text);
    }, wait);
    return () => clearTimeout(timer);
  }, [text, ms]);
  return shown;
}

export const RunStatus = memo(function RunStatus({ status }: { status: StatusSlice }) {
  const announced = useThrottled(progressText(status), ANNOUNCE_MS);
  const { seeds } = status;
  return (
    <div className="run-status-block">
      <p className="sr-status" role="status">
        {announced}
      </p>
      <ul className="run-status" aria-label="Runs">
        {status.runs.map((r) => (
          <li key={r.unit} style={{ borderColor: colorOf(r.spec, r.run) }}>
            <strong>
              {r.label}
              {seeds > 1 ? ` · seed ${r.seed}` : ''}
            </strong>
            : step {r.step}
            {r.diverged !== null && ` · diverged at step ${r.diverged.step}, stopped`}
            {r.diverged === null && r.msPerStep > 0 && ` · ${r.msPerStep.toFixed(0)} ms/step`}
            {r.loss !== undefined && ` · loss ${r.loss.toFixed(3)}`}
          </li>
        ))}
      </ul>
    </div>
  );
});
