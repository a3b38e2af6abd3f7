/**
 * After a reload: offers the comparisons this browser kept (ui/storage/comparisonStore.ts, one per
 * tab, the newest MAX_KEPT), each saying what it is and how far it got, this tab's marked. Restore
 * shows its charts again and builds its workers from their checkpoints, paused; Train then resumes
 * it. Discard forgets it. A stored record that is malformed is listed with what is wrong with it,
 * and Discard only: the page never renders what it cannot check.
 */
import type { SavedComparison, StoredComparison } from '../storage/comparisonStore';
import { MAX_KEPT } from '../storage/comparisonStore';
import { runLabel } from '../../core/config';
import { checkpointSteps } from '../store/restore';

interface Props {
  stored: StoredComparison[];
  /** The key of this tab's own comparison before the reload, if any. */
  own: string | null;
  /** Keys of the comparisons another open tab keeps now (Web Locks). */
  openElsewhere: ReadonlySet<string>;
  onRestore: (saved: SavedComparison, key: string) => void;
  onDiscard: (key: string) => void;
}

export function describeSaved(saved: SavedComparison): string {
  const { state, setup, checkpoints } = saved;
  const steps = checkpointSteps(state.runs.length, checkpoints);
  const reached = steps.length > 0 ? Math.min(...steps) : 0;
  const methods = setup.config.runs.map(runLabel).join(', ');
  const seeds = setup.seeds.length === 1 ? `seed ${setup.seeds[0]}` : `${setup.seeds.length} seeds`;
  const where =
    reached >= setup.config.steps
      ? `finished (${setup.config.steps} steps)`
      : `at step ${reached} of ${setup.config.steps}`;
  const when = new Date(saved.savedAt).toLocaleString();
  return `${methods} on ${seeds}, preset ${setup.preset}, ${where}, saved ${when}.`;
}

function Usable({
  entry,
  own,
  open,
  onRestore,
  onDiscard,
}: { entry: Extract<StoredComparison, { ok: true }>; own: boolean; open: boolean } & Pick<
  Props,
  'onRestore' | 'onDiscard'
>) {
  const label = `Stored comparison${own ? ' of this tab' : ''}`;
  return (
    <li aria-label={label}>
      {own && <strong>This tab’s: </strong>}
      {describeSaved(entry.saved)}
      {open && <> It is open in another tab now: restored here, it becomes a copy that trains apart from that tab’s.</>}
      {entry.unresumable.length > 0 && (
        <>
          {' '}
          No checkpoint holds {entry.unresumable.join(', ')}: Restore starts{' '}
          {entry.unresumable.length === 1 ? 'that run' : 'those runs'} again from step 0.
        </>
      )}{' '}
      <button type="button" onClick={() => onRestore(entry.saved, entry.key)}>
        Restore
      </button>{' '}
      <button type="button" onClick={() => onDiscard(entry.key)}>
        Discard
      </button>
    </li>
  );
}

function Malformed({
  entry,
  onDiscard,
}: { entry: Extract<StoredComparison, { ok: false }> } & Pick<Props, 'onDiscard'>) {
  const when = entry.savedAt === null ? '' : ` (saved ${new Date(entry.savedAt).toLocaleString()})`;
  const shown = entry.problems.slice(0, 3).join('; ');
  const more = entry.problems.length > 3 ? `; and ${entry.problems.length - 3} more` : '';
  return (
    <li aria-label="Unusable stored comparison" className="restore-problem">
      <strong>A stored comparison{when} cannot be restored:</strong> {shown}
      {more}. Discard removes it.{' '}
      <button type="button" onClick={() => onDiscard(entry.key)}>
        Discard
      </button>
    </li>
  );
}

export function RestorePrompt({ stored, own, openElsewhere, onRestore, onDiscard }: Props) {
  return (
    <section className="restore" aria-label="Stored comparisons">
      <p>
        <strong>Comparisons kept in this browser</strong> (the last {MAX_KEPT}, one per tab; starting another drops the
        oldest). Restore one to see its charts and resume training where it stopped.
      </p>
      <ul>
        {stored.map((entry) =>
          entry.ok ? (
            <Usable
              key={entry.key}
              entry={entry}
              own={entry.key === own}
              open={openElsewhere.has(entry.key)}
              onRestore={onRestore}
              onDiscard={onDiscard}
            />
          ) : (
            <Malformed key={entry.key} entry={entry} onDiscard={onDiscard} />
          ),
        )}
      </ul>
    </section>
  );
}
