/**
 * The verdict area: the paired differences at the latest evaluation every run has, and their
 * summary once the comparison has finished (a placeholder line until then); the imported ghosts' own paired differences after them.
 */
import { memo, useMemo } from 'react';
import { PairedTable } from '../components/PairedTable';
import { Summary } from '../components/Summary';
import { useStoreSelector } from '../store/select';
import { selectEval } from '../store/selectors';
import type { Store } from '../store/store';
import { isFinished, pairedAtCommonStep } from '../store/views';
import { ghostPairedRows } from '../import/ghostTables';
import type { GhostStore } from '../import/ghostStore';
import { useGhosts } from '../import/useGhosts';

export const ComparisonPanel = memo(function ComparisonPanel({ store, ghosts }: { store: Store; ghosts: GhostStore }) {
  const slice = useStoreSelector(store, selectEval);
  const loaded = useGhosts(ghosts);
  const ghostRows = useMemo(() => loaded.flatMap(ghostPairedRows), [loaded]);
  const paired = useMemo(() => pairedAtCommonStep(slice), [slice]);
  const finished = useMemo(() => isFinished(slice), [slice]);
  // The verdict's place is kept from the start, so the sentence appears where the eye already is.
  return (
    <section className="verdict" aria-label="Verdict">
      {finished ? (
        paired && <Summary rows={paired.rows} />
      ) : (
        <p className="empty verdict-pending">
          The verdict appears here once every run has finished: which method beat which, by how much, on how many seeds.
        </p>
      )}
      <PairedTable paired={paired} totalSteps={slice.totalSteps} ghostRows={ghostRows} />
    </section>
  );
});
