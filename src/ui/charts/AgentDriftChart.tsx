/** MASST agents' weight distance to the probe over training, one line per agent and run (one seed). */
import { memo, useMemo } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { AnalysisRun } from '../store/selectors';
import { colorOf } from './colors';

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

export const AgentDriftChart = memo(function AgentDriftChart({ runs }: { runs: Runs }) {
  const withAgents = useMemo(() => runs.filter((r) => r.agents.length > 0), [runs]);
  const data = useMemo(() => driftRows(withAgents), [withAgents]);
  if (withAgents.length === 0) return <p className="empty">Agent drift appears for SST and MASST runs with the smoothness probes.</p>;
  const last = withAgents.map((r) => r.agents[r.agents.length - 1]);
  return (
    <div>
      <ResponsiveContainer width="100%" height={220}>
        <LineChart data={data}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="step" type="number" domain={['dataMin', 'dataMax']} />
          <YAxis domain={['auto', 'auto']} />
          <Tooltip formatter={(v) => (typeof v === 'number' ? v.toFixed(3) : String(v))} />
          <Legend />
          {withAgents.flatMap((r) =>
            (r.agents[0]?.distance ?? []).map((_, a) => (
              <Line key={`${r.label}-${a}`} dataKey={`${r.label} agent ${a}`} stroke={colorOf(r.spec, r.run)} strokeDasharray={a === 0 ? "0" : `${2 + 2 * a} 3`} dot={false} isAnimationActive={false} />
            )),
          )}
        </LineChart>
      </ResponsiveContainer>
      <p className="caption">
        Seed {withAgents[0]?.seed}. ‖θ_agent − θ_probe‖ on trainable weights (agent k is paired with the probe at steps t with t − 1 ≡ k mod K). Latest
        feature cosine agent·probe and active agent:{' '}
        {withAgents
          .map((r, j) => `${r.label}: ${(last[j]?.featureCosine ?? []).map((c) => c.toFixed(3)).join(', ')} (step ${last[j]?.step ?? 0}: agent ${last[j]?.active ?? 0})`)
          .join(' · ')}
      </p>
    </div>
  );
});
