/** The loaded ghosts and their runs, for a component: renders again only when a file is added or removed. */
import { useMemo, useSyncExternalStore } from 'react';
import type { Ghost, GhostRun } from './ghosts';
import { ghostRuns } from './ghosts';
import type { GhostStore } from './ghostStore';

export function useGhosts(store: GhostStore): readonly Ghost[] {
  return useSyncExternalStore(store.subscribe, store.get);
}

/** Every run of every loaded ghost, in load order. */
export function useGhostRuns(store: GhostStore): GhostRun[] {
  const ghosts = useGhosts(store);
  return useMemo(() => ghosts.flatMap(ghostRuns), [ghosts]);
}
