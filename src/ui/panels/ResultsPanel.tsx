/** The results table, following the evaluations, with the imported probes' and ghosts' rows after the live ones. */
import { memo, useMemo } from 'react';
import { ResultsTable } from '../components/ResultsTable';
import { ghostResultRows } from '../import/ghostTables';
import type { GhostStore } from '../import/ghostStore';
import { useGhosts } from '../import/useGhosts';
import type { Store } from '../store/store';
import type { ProbeImports } from '../import/probeImports';
import { probeResultRows } from '../import/probeImports';
import { useCurrentProbes } from '../import/useProbeImports';
import { useEvalGroups } from './useEvalGroups';

export const ResultsPanel = memo(function ResultsPanel({
  store,
  ghosts,
  probes,
}: {
  store: Store;
  ghosts: GhostStore;
  probes: ProbeImports;
}) {
  const { groups, untrained } = useEvalGroups(store);
  const loaded = useGhosts(ghosts);
  const { sessionId, current } = useCurrentProbes(probes, store);
  const ghostRows = useMemo(
    () => [...probeResultRows(current, sessionId), ...loaded.flatMap(ghostResultRows)],
    [current, sessionId, loaded],
  );
  return <ResultsTable groups={groups} untrained={untrained} ghostRows={ghostRows} />;
});
