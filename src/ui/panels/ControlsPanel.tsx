/** Train/Pause, Step, Reset and New seed, subscribed to whether the comparison trains and how fast. */
import { RunControls } from '../components/RunControls';
import type { RunActions } from '../components/RunControls';
import { useStoreSelector } from '../store/select';
import { selectControls } from '../store/selectors';
import type { Store } from '../store/store';

export function ControlsPanel({ store, canTrain, ...actions }: RunActions & { store: Store; canTrain: boolean }) {
  const { playing, hasSession, stepsPerSecond } = useStoreSelector(store, selectControls);
  return (
    <RunControls
      {...actions}
      playing={playing}
      canTrain={canTrain}
      hasSession={hasSession}
      stepsPerSecond={stepsPerSecond}
    />
  );
}
