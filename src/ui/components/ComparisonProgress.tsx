/**
 * The comparison's progress beside the run buttons: a bar and "step 240 / 600 · about 2 min left".
 * Not a live region: the list of runs' status line already announces progress every few seconds.
 */
import { memo } from 'react';
import { useStoreSelector } from '../store/select';
import { selectProgress } from '../store/selectors';
import type { Store } from '../store/store';
import { progressLine } from './comparisonProgress';

export const ComparisonProgress = memo(function ComparisonProgress({ store }: { store: Store }) {
  const { text, done } = progressLine(useStoreSelector(store, selectProgress));
  return (
    <p className="comparison-progress">
      <progress aria-label="Comparison progress" max={1} value={done ?? undefined} hidden={done === null} />
      <span className="progress-text">{text}</span>
    </p>
  );
});
