/** The results table, following the evaluations, with the imported ghosts' rows after the live ones. */
import { memo, useMemo } from 'react';
import { ResultsTable } from '../components/ResultsTable';
import { ghostResultRows } from '../import/ghostTables';
import type { GhostStore } from '../import/ghostStore';
import { useGhosts } from '../import/useGhosts';
import type { Store } from '../store/store';
import { useEvalGroups } from './useEvalGroups';

export const ResultsPanel = memo(function ResultsPanel({ store, ghosts }: { store: Store; ghosts: GhostStore }) {
  const { groups, untrained } = useEvalGroups(store);
  const loaded = useGhosts(ghosts);
  const ghostRows = useMemo(() => loaded.flatMap(ghostResultRows), [loaded]);
  return <ResultsTable groups={groups} untrained={untrained} ghostRows={ghostRows} />;
});
