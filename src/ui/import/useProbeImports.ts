/** The imported probes of the current comparison, for a component: renders again when one is added or removed, or the comparison changes. */
import { useMemo, useSyncExternalStore } from 'react';
import { useStoreSelector } from '../store/select';
import type { UiState } from '../store/state';
import type { Store } from '../store/store';
import type { ImportedProbe, ProbeImports } from './probeImports';
import { ofSession } from './probeImports';

const selectSessionId = (s: UiState): number => s.sessionId;

export function useCurrentProbes(probes: ProbeImports, store: Store): { sessionId: number; current: ImportedProbe[] } {
  const all = useSyncExternalStore(probes.subscribe, probes.get);
  const sessionId = useStoreSelector(store, selectSessionId);
  const current = useMemo(() => ofSession(all, sessionId), [all, sessionId]);
  return { sessionId, current };
}
