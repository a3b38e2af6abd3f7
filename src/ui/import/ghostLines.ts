/**
 * The lines ghost runs add to each chart: dashed and fainter than the live runs, in their method's
 * colour, named "<fileName>: <run label> seed N". A chart whose data a file lacks (no evaluations,
 * no probes, no agents) gets no ghost line from it.
 */
import type { LipschitzPoint } from '../../core/analysis/analyzer';
import type { Series } from '../../core/stats/bands';
import { differenceSeries } from '../../core/stats/bands';
import { comparisons } from '../../core/stats/paired';
import type { ChartLine } from '../charts/chartSeries';
import { comparisonColor } from '../charts/colors';
import type { GhostRun } from './ghosts';

/** The dash of every ghost line: apart from the live runs' solid lines and the agents' short dashes. */
export const GHOST_DASH = '7 4';
/** Live lines are drawn at opacity 1; a ghost stays visible without hiding them. */
export const GHOST_OPACITY = 0.55;

function ghostLine(
  r: GhostRun,
  suffix: string,
  xs: readonly number[],
  ys: readonly number[],
  more: Partial<ChartLine> = {},
): ChartLine {
  return {
    key: `${r.key}${suffix}`,
    name: `${r.name}${suffix}`,
    legend: true,
    color: r.color,
    width: 2,
    opacity: GHOST_OPACITY,
    dash: GHOST_DASH,
    xs,
    ys,
    ...more,
  };
}

/** The smoothed loss of every run (in the legend) and its raw loss (faint, tooltip only). */
export function ghostLossLines(runs: readonly GhostRun[]): ChartLine[] {
  return runs
    .filter((r) => r.steps.length > 0)
    .flatMap((r) => [
      ghostLine(r, ' (raw)', r.steps, r.loss, { legend: false, series: r.key, width: 1, opacity: 0.2 }),
      ghostLine(r, '', r.steps, r.smooth),
    ]);
}

/** Accuracy at each evaluation, with dots, as the live runs. */
export function ghostAccuracyLines(runs: readonly GhostRun[]): ChartLine[] {
  return runs
    .filter((r) => r.evals.length > 0)
    .map((r) =>
      ghostLine(
        r,
        '',
        r.evals.map((e) => e.step),
        r.evals.map((e) => e.accuracy),
        { dots: true },
      ),
    );
}

/** The ROC of each run's final (else latest) evaluation, where the file kept one. */
export function ghostRocLines(runs: readonly GhostRun[]): ChartLine[] {
  return runs.flatMap((r) =>
    r.latest !== null && r.latest.roc.fpr.length > 0
      ? [ghostLine(r, '', r.latest.roc.fpr, r.latest.roc.tpr, { width: 1.5, connect: true })]
      : [],
  );
}

/** One probe value (β or the Lipschitz estimate) over steps, for the smoothness charts' mean lines. */
export function ghostProbeLines(runs: readonly GhostRun[], value: (p: LipschitzPoint) => number): ChartLine[] {
  return runs
    .filter((r) => r.smoothness.length > 0)
    .map((r) =>
      ghostLine(
        r,
        '',
        r.smoothness.map((p) => p.step),
        r.smoothness.map(value),
        { dots: true },
      ),
    );
}

/** Each agent's distance to the probe, per run that has agents. */
export function ghostAgentLines(runs: readonly GhostRun[]): ChartLine[] {
  return runs
    .filter((r) => r.agents.length > 0)
    .flatMap((r) =>
      (r.agents[0]?.distance ?? []).map((_, a) =>
        ghostLine(
          r,
          ` agent ${a}`,
          r.agents.map((p) => p.step),
          r.agents.map((p) => p.distance[a] ?? NaN),
          { width: 1 },
        ),
      ),
    );
}

const accuracyBySeed = (runs: readonly GhostRun[], label: string): Map<number, Series> =>
  new Map(
    runs
      .filter((r) => r.label === label)
      .map((r) => [r.seed, { x: r.evals.map((e) => e.step), y: r.evals.map((e) => e.accuracy) }]),
  );

/**
 * Per file, each comparison A − B (in the file's order of methods, coloured as the live comparison
 * at the same place): the mean over the file's seeds of the accuracy difference, paired by seed,
 * at each evaluation both have. Named "<fileName>: A − B".
 */
export function ghostDifferenceLines(runs: readonly GhostRun[]): ChartLine[] {
  const ids = [...new Set(runs.map((r) => r.ghostId))];
  return ids.flatMap((id) => {
    const own = runs.filter((r) => r.ghostId === id);
    const fileName = own[0]?.fileName ?? '';
    return comparisons([...new Set(own.map((r) => r.label))]).flatMap(([a, b], i): ChartLine[] => {
      const points = differenceSeries(accuracyBySeed(own, a), accuracyBySeed(own, b), 'sd');
      if (points.length === 0) return [];
      const name = `${fileName}: ${a} − ${b}`;
      return [
        {
          key: `ghost${id}-${a}-${b}`,
          name,
          legend: true,
          color: comparisonColor(i),
          width: 2,
          opacity: GHOST_OPACITY,
          dash: GHOST_DASH,
          dots: true,
          xs: points.map((p) => p.x),
          ys: points.map((p) => p.mean),
        },
      ];
    });
  });
}
