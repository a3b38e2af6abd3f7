/** The loss chart, subscribed to the runs' losses alone: the one chart that follows every batch. */
import { memo, useMemo } from 'react';
import type { BandKind } from '../../core/stats/bands';
import { LossChart } from '../charts/LossChart';
import { useStoreSelector } from '../store/select';
import { selectLoss } from '../store/selectors';
import type { Store } from '../store/store';
import { HelpHeading } from '../components/Help';
import { methodGroups } from '../store/views';

export const LossPanel = memo(function LossPanel({ store, band }: { store: Store; band: BandKind }) {
  const { runs } = useStoreSelector(store, selectLoss);
  const groups = useMemo(() => methodGroups(runs), [runs]);
  return (
    <div>
      <HelpHeading panel="loss">Loss</HelpHeading>
      <LossChart groups={groups} band={band} />
    </div>
  );
});
