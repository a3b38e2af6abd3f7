/** The dataset view and what the browser stores: they render again only when the dataset or its progress changes. */
import { memo } from 'react';
import { DatasetView } from '../components/DatasetView';
import { StoredData } from '../components/StoredData';
import { useStoreSelector } from '../store/select';
import { selectData } from '../store/selectors';
import type { Store } from '../store/store';

export const DataPanel = memo(function DataPanel({ store }: { store: Store }) {
  const { dataset, progress } = useStoreSelector(store, selectData);
  return (
    <>
      <DatasetView summary={dataset} progress={progress} />
      <StoredData refresh={dataset} />
    </>
  );
});
