/** Smoothness probes, loss landscape and agent drift: they render again only when a probe, slice row or agent point arrives. */
import { memo, useMemo } from 'react';
import type { BandKind } from '../../core/stats/bands';
import { AgentDriftChart } from '../charts/AgentDriftChart';
import { LandscapeView } from '../charts/LandscapeView';
import { SmoothnessCharts } from '../charts/SmoothnessCharts';
import { useStoreSelector } from '../store/select';
import { selectAnalysis } from '../store/selectors';
import type { Store } from '../store/store';
import { methodGroups } from '../store/views';
import { HelpHeading } from '../components/Help';
import { Hideable } from '../teacher';
import { ghostAgentLines, ghostProbeLines } from '../import/ghostLines';
import type { GhostStore } from '../import/ghostStore';
import { useGhostRuns } from '../import/useGhosts';

interface Props {
  store: Store;
  ghosts: GhostStore;
  band: BandKind;
  onSlice: (dims: 1 | 2) => void;
}

export const AnalysisPanel = memo(function AnalysisPanel({ store, ghosts, band, onSlice }: Props) {
  const { runs, smoothnessCost, busy } = useStoreSelector(store, selectAnalysis);
  const ghostRuns = useGhostRuns(ghosts);
  // The landscape's slices are the live runs' only: a file keeps the final slice, not the ones drawn while training.
  const probeGhosts = useMemo(
    () => ({
      beta: ghostProbeLines(ghostRuns, (p) => p.beta),
      lipschitz: ghostProbeLines(ghostRuns, (p) => p.lipschitz),
    }),
    [ghostRuns],
  );
  const agentGhosts = useMemo(() => ghostAgentLines(ghostRuns), [ghostRuns]);
  const groups = useMemo(() => methodGroups(runs), [runs]);
  // The agents of the first seed: each group's series are in seed order.
  const firstSeed = useMemo(() => groups.flatMap((g) => g.series.slice(0, 1)), [groups]);
  return (
    <section className="analysis">
      <Hideable name="smoothness">
        <HelpHeading panel="smoothness">
          Smoothness of the loss{' '}
          {smoothnessCost && smoothnessCost.every > 0 && (
            <span className="badge">
              +{smoothnessCost.forward} forward, +{smoothnessCost.backward} backward every {smoothnessCost.every} steps
            </span>
          )}
        </HelpHeading>
        <SmoothnessCharts groups={groups} band={band} ghosts={probeGhosts} />
      </Hideable>
      <Hideable name="landscape">
        <HelpHeading panel="landscape">Loss landscape</HelpHeading>
        <LandscapeView groups={groups} band={band} busy={busy} onSlice={onSlice} />
      </Hideable>
      <Hideable name="agents">
        <HelpHeading panel="agents">Agent drift</HelpHeading>
        <AgentDriftChart runs={firstSeed} ghosts={agentGhosts} />
      </Hideable>
    </section>
  );
});
