/**
 * After a reload: offers the comparison this browser kept (storage/comparisonStore.ts), saying
 * what it is and how far it got. Restore shows its charts again and builds its workers from their
 * checkpoints, paused; Train then resumes it. Discard forgets it.
 */
import type { SavedComparison } from '../../storage/comparisonStore';
import { runLabel } from '../../core/config';
import { checkpointSteps } from '../store/restore';

interface Props {
  saved: SavedComparison;
  onRestore: () => void;
  onDiscard: () => void;
}

export function describeSaved(saved: SavedComparison): string {
  const { state, setup, checkpoints } = saved;
  const steps = checkpointSteps(state.runs.length, checkpoints);
  const reached = steps.length > 0 ? Math.min(...steps) : 0;
  const methods = setup.config.runs.map(runLabel).join(', ');
  const seeds = setup.seeds.length === 1 ? `seed ${setup.seeds[0]}` : `${setup.seeds.length} seeds`;
  const where = reached >= setup.config.steps ? `finished (${setup.config.steps} steps)` : `at step ${reached} of ${setup.config.steps}`;
  const when = new Date(saved.savedAt).toLocaleString();
  return `${methods} on ${seeds}, preset ${setup.preset}, ${where}, saved ${when}.`;
}

export function RestorePrompt({ saved, onRestore, onDiscard }: Props) {
  return (
    <section className="restore" aria-label="Last comparison">
      <p>
        <strong>The last comparison is kept in this browser:</strong> {describeSaved(saved)} Restore it to see its charts and
        resume training where it stopped; starting another comparison replaces it.
      </p>
      <button type="button" onClick={onRestore}>Restore</button> <button type="button" onClick={onDiscard}>Discard</button>
    </section>
  );
}
