/** The results table, following the evaluations. */
import { memo } from 'react';
import { ResultsTable } from '../components/ResultsTable';
import type { Store } from '../store/store';
import { useEvalGroups } from './useEvalGroups';

export const ResultsPanel = memo(function ResultsPanel({ store }: { store: Store }) {
  const { groups, untrained } = useEvalGroups(store);
  return <ResultsTable groups={groups} untrained={untrained} />;
});
