/** MASST agents' weight distance to the probe over training, one line per agent and run (one seed). */
import { memo, useMemo } from 'react';
import type { AnalysisRun } from '../store/selectors';
import type { ChartLine } from './chartSeries';
import { rowLine } from './chartSeries';
import { colorOf } from './colors';
import { SvgLineChart } from './SvgLineChart';

type Runs = ReadonlyArray<Pick<AnalysisRun, 'run' | 'spec' | 'label' | 'seed' | 'agents'>>;

/** One row per probe step: each agent's distance to the probe, per run. */
function driftRows(withAgents: Runs): Array<Record<string, number>> {
  const steps = withAgents[0]?.agents.map((a) => a.step) ?? [];
  return steps.map((step, k) => {
    const row: Record<string, number> = { step };
    for (const r of withAgents) {
      const p = r.agents[k];
      p?.distance.forEach((d, a) => (row[`${r.label} agent ${a}`] = d));
    }
    return row;
  });
}

/** One line per agent and run, dashed apart by agent, coloured by method. */
function driftLines(withAgents: Runs): ChartLine[] {
  const rows = driftRows(withAgents);
  return withAgents.flatMap((r) =>
    (r.agents[0]?.distance ?? []).map((_, a): ChartLine => ({
      key: `${r.label}-${a}`,
      name: `${r.label} agent ${a}`,
      legend: true,
      color: colorOf(r.spec, r.run),
      width: 1,
      opacity: 1,
      ...(a === 0 ? {} : { dash: `${2 + 2 * a} 3` }),
      ...rowLine(rows, 'step', `${r.label} agent ${a}`),
    })),
  );
}

const NO_LINES: readonly ChartLine[] = [];

/** `ghosts`: imported runs' agent lines (import/ghostLines.ts), after the live ones. */
export const AgentDriftChart = memo(function AgentDriftChart({
  runs,
  ghosts = NO_LINES,
}: {
  runs: Runs;
  ghosts?: readonly ChartLine[];
}) {
  const withAgents = useMemo(() => runs.filter((r) => r.agents.length > 0), [runs]);
  const lines = useMemo(() => [...driftLines(withAgents), ...ghosts], [withAgents, ghosts]);
  if (withAgents.length === 0 && ghosts.length > 0)
    return <SvgLineChart id="agents" lines={lines} height={220} label="Agent drift by step" />;
  if (withAgents.length === 0)
    return <p className="empty">Agent drift appears for SST and MASST runs with the smoothness probes.</p>;
  const last = withAgents.map((r) => r.agents[r.agents.length - 1]);
  return (
    <div>
      <SvgLineChart id="agents" lines={lines} height={220} label="Agent drift by step" />
      <p className="caption">
        Seed {withAgents[0]?.seed}. ‖θ_agent − θ_probe‖ on trainable weights (agent k is paired with the probe at steps
        t with t − 1 ≡ k mod K). Latest feature cosine agent·probe and active agent:{' '}
        {withAgents
          .map(
            (r, j) =>
              `${r.label}: ${(last[j]?.featureCosine ?? []).map((c) => c.toFixed(3)).join(', ')} (step ${last[j]?.step ?? 0}: agent ${last[j]?.active ?? 0})`,
          )
          .join(' · ')}
      </p>
    </div>
  );
});
