/** The list of runs and the one live status line, subscribed to each run's step, speed and last loss. */
import { memo } from 'react';
import { RunStatus } from '../components/RunStatus';
import { useStoreSelector } from '../store/select';
import { selectStatus } from '../store/selectors';
import type { Store } from '../store/store';

export const StatusPanel = memo(function StatusPanel({ store }: { store: Store }) {
  return <RunStatus status={useStoreSelector(store, selectStatus)} />;
});
