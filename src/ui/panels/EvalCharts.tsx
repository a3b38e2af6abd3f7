/** Accuracy, paired difference and ROC: they render again only when an evaluation arrives (or the band changes). */
import { memo } from 'react';
import type { BandKind } from '../../core/stats/bands';
import { AccuracyChart } from '../charts/AccuracyChart';
import { DifferenceChart } from '../charts/DifferenceChart';
import { RocChart } from '../charts/RocChart';
import type { Store } from '../store/store';
import { useEvalGroups } from './useEvalGroups';

export const EvalCharts = memo(function EvalCharts({ store, band }: { store: Store; band: BandKind }) {
  const { groups, untrained } = useEvalGroups(store);
  return (
    <>
      <div>
        <h2>Verification accuracy</h2>
        <AccuracyChart groups={groups} untrained={untrained} band={band} />
      </div>
      <div>
        <h2>Accuracy difference, paired by seed</h2>
        <DifferenceChart groups={groups} band={band} />
      </div>
      <div>
        <h2>ROC (latest evaluation)</h2>
        <RocChart groups={groups} untrained={untrained} band={band} />
      </div>
    </>
  );
});
