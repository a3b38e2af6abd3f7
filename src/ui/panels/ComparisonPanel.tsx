/** The paired differences at the latest evaluation every run has, and their summary once the comparison has finished. */
import { memo, useMemo } from 'react';
import { PairedTable } from '../components/PairedTable';
import { Summary } from '../components/Summary';
import { useStoreSelector } from '../store/select';
import { selectEval } from '../store/selectors';
import type { Store } from '../store/store';
import { isFinished, pairedAtCommonStep } from '../store/views';

export const ComparisonPanel = memo(function ComparisonPanel({ store }: { store: Store }) {
  const slice = useStoreSelector(store, selectEval);
  const paired = useMemo(() => pairedAtCommonStep(slice), [slice]);
  const finished = useMemo(() => isFinished(slice), [slice]);
  return (
    <>
      {finished && paired && <Summary rows={paired.rows} />}
      <PairedTable paired={paired} totalSteps={slice.totalSteps} />
    </>
  );
});
