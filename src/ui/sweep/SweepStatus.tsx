/**
 * What a page sweep says while it trains (a bar over its training steps, runs trained and reused,
 * cells complete, time so far and left) and when it ends: "Sweep finished: trained N runs, reused
 * M …", or stopped with what is kept.
 */
import type { SweepOutcome, SweepProgress } from './sweepTrainer';

const secs = (s: number) => `${s.toFixed(1)} s`;

export function SweepProgressLine({ progress: p }: { progress: SweepProgress }) {
  const left = p.steps > 0 ? (p.seconds * (p.totalSteps - p.steps)) / p.steps : null;
  return (
    <p className="sweep-progress">
      <progress aria-label="Sweep progress" max={Math.max(1, p.totalSteps)} value={p.steps} /> Training: {p.trained} of{' '}
      {p.toTrain} runs trained, {p.reused} reused · cells {p.cellsDone}/{p.cells} complete · {secs(p.seconds)}
      {left !== null ? `, about ${secs(left)} left` : ''}
    </p>
  );
}

export function SweepStatus({ outcome }: { outcome: SweepOutcome }) {
  const { progress: p, file } = outcome;
  const counts = `trained ${p.trained} runs, reused ${p.reused} (${file.runs.distinct} distinct runs for ${file.runs.grid} in the grid) in ${secs(p.seconds)}`;
  if (outcome.stopped === null && file.complete) return <p role="status">Sweep finished: {counts}.</p>;
  return (
    <p role="status">
      Sweep stopped ({outcome.stopped ?? 'not every run finished'}): {counts}; {p.cellsDone} of {p.cells} cells
      complete. The finished runs are in the run store: Train sweep again trains only the rest.
    </p>
  );
}
