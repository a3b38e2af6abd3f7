/**
 * The dataset view and what the browser stores: they render again only when the dataset, its
 * progress or the session's phase changes (a checkpoint is stored when training stops).
 */
import { memo } from 'react';
import { DatasetView } from '../components/DatasetView';
import { StoredData } from '../components/StoredData';
import { useStoreSelector } from '../store/select';
import { selectData } from '../store/selectors';
import type { Store } from '../store/store';

export const DataPanel = memo(function DataPanel({
  store,
  onCleared,
}: {
  store: Store;
  onCleared: () => Promise<void>;
}) {
  const { dataset, progress, sessionId, phase, playing } = useStoreSelector(store, selectData);
  return (
    <>
      <DatasetView summary={dataset} progress={progress} />
      <StoredData refresh={`${sessionId}.${dataset === null}.${phase}.${playing}`} onCleared={onCleared} />
    </>
  );
});
