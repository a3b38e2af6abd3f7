/** Accuracy, paired difference and ROC: they render again only when an evaluation arrives (or the band changes). */
import { memo, useMemo } from 'react';
import type { BandKind } from '../../core/stats/bands';
import { AccuracyChart } from '../charts/AccuracyChart';
import { DifferenceChart } from '../charts/DifferenceChart';
import { RocChart } from '../charts/RocChart';
import type { Store } from '../store/store';
import { HelpHeading } from '../components/Help';
import { Hideable } from '../teacher';
import { useEvalGroups } from './useEvalGroups';
import { ghostAccuracyLines, ghostDifferenceLines, ghostRocLines } from '../import/ghostLines';
import type { GhostStore } from '../import/ghostStore';
import { useGhostRuns } from '../import/useGhosts';

export type EvalChart = 'accuracy' | 'difference' | 'roc';

/**
 * Ghosts (imported runs) are drawn on each: accuracy, paired difference and the ROC of their final
 * evaluation. `charts`: which of them, so the page can keep the difference in view and the others
 * a scroll away.
 */
export const EvalCharts = memo(function EvalCharts({
  store,
  ghosts,
  band,
  charts,
}: {
  store: Store;
  ghosts: GhostStore;
  band: BandKind;
  charts: readonly EvalChart[];
}) {
  const { groups, untrained } = useEvalGroups(store);
  const ghostRuns = useGhostRuns(ghosts);
  const ghostLines = useMemo(
    () => ({
      accuracy: ghostAccuracyLines(ghostRuns),
      difference: ghostDifferenceLines(ghostRuns),
      roc: ghostRocLines(ghostRuns),
    }),
    [ghostRuns],
  );
  return (
    <>
      {charts.includes('accuracy') && (
        <Hideable name="accuracy">
          <div>
            <HelpHeading panel="accuracy">Verification accuracy</HelpHeading>
            <AccuracyChart groups={groups} untrained={untrained} band={band} ghosts={ghostLines.accuracy} />
          </div>
        </Hideable>
      )}
      {charts.includes('difference') && (
        <Hideable name="difference">
          <div>
            <HelpHeading panel="difference">Accuracy difference, paired by seed</HelpHeading>
            <DifferenceChart groups={groups} band={band} ghosts={ghostLines.difference} />
          </div>
        </Hideable>
      )}
      {charts.includes('roc') && (
        <Hideable name="roc">
          <div>
            <HelpHeading panel="roc">ROC (latest evaluation)</HelpHeading>
            <RocChart groups={groups} untrained={untrained} band={band} ghosts={ghostLines.roc} />
          </div>
        </Hideable>
      )}
    </>
  );
});
