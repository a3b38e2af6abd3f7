/** The loss chart, subscribed to the runs' losses alone (and the imported ghosts): the one chart that follows every batch. */
import { memo, useMemo } from 'react';
import type { BandKind } from '../../core/stats/bands';
import { LossChart } from '../charts/LossChart';
import { useStoreSelector } from '../store/select';
import { selectLoss } from '../store/selectors';
import type { Store } from '../store/store';
import { HelpHeading } from '../components/Help';
import { methodGroups } from '../store/views';
import { ghostLossLines } from '../import/ghostLines';
import type { GhostStore } from '../import/ghostStore';
import { useGhostRuns } from '../import/useGhosts';

export const LossPanel = memo(function LossPanel({
  store,
  ghosts,
  band,
}: {
  store: Store;
  ghosts: GhostStore;
  band: BandKind;
}) {
  const { runs } = useStoreSelector(store, selectLoss);
  const groups = useMemo(() => methodGroups(runs), [runs]);
  const ghostRuns = useGhostRuns(ghosts);
  const ghostLines = useMemo(() => ghostLossLines(ghostRuns), [ghostRuns]);
  return (
    <div>
      <HelpHeading panel="loss">Loss</HelpHeading>
      <LossChart groups={groups} band={band} ghosts={ghostLines} />
    </div>
  );
});
